package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.time.VirtualScheduler;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** One request for several generations: one submit, one job per video, each followed, stored and reported on its own. */
class GenerationsTest {

    final VirtualScheduler time = VirtualScheduler.create();
    final ScriptedProvider provider = new ScriptedProvider(time);
    final RecordingStore store = new RecordingStore();
    final List<JobEvent> events = new CopyOnWriteArrayList<>();
    final VideoJobService jobs = VideoJobService.builder(provider).scheduler(time).store(store)
            .settings(VideoJobServiceTest.exact()).build();

    @AfterEach
    void close() {
        jobs.close();
    }

    @Test
    void three_generations_are_one_submit_and_three_jobs_each_with_its_own_video() throws InterruptedException {
        VideoJob first = jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withGenerations(3)), events::add);

        List<VideoJob> all = first.generations();
        assertThat(all).hasSize(3).startsWith(first);
        assertThat(all).extracting(job -> job.generation().index()).containsExactly(1, 2, 3);
        assertThat(all).extracting(job -> job.generation().submission()).containsOnly(first.key());
        assertThat(all).extracting(VideoJob::key).doesNotHaveDuplicates();
        assertThat(store.saves()).as("every generation is recorded before the submit").hasSize(3)
                .allSatisfy(record -> assertThat(record.jobId()).isEmpty());

        List<Either<JobFailure, GeneratedVideo>> outcomes = first.awaitAll(Duration.ofMinutes(1));
        assertThat(provider.submitted()).as("one submit for three videos").hasSize(1);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.isRight()).isTrue());
        assertThat(outcomes).extracting(outcome -> outcome.get().jobId()).doesNotHaveDuplicates()
                .containsExactlyElementsOf(all.stream().map(job -> job.jobId().get()).toList());
        assertThat(events).filteredOn(JobEvent.Created.class::isInstance).hasSize(3);
        assertThat(events).filteredOn(JobEvent.Finished.class::isInstance).hasSize(3);
        assertThat(all).allSatisfy(job -> assertThat(jobs.find(job.key()).get().status()).isEqualTo(job.status()));
        assertThat(store.unfinished()).isEmpty();
    }

    @Test
    void a_generation_the_provider_did_not_start_ends_as_a_protocol_failure_and_the_others_run() throws InterruptedException {
        provider.thenSubmit(submission -> new SubmitOutcome.Accepted(List.of(JobId.of(ScriptedProvider.NAME, "only")),
                JobUpdate.queued("queued")));
        VideoJob first = jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withGenerations(2)));
        List<Either<JobFailure, GeneratedVideo>> outcomes = first.awaitAll(Duration.ofSeconds(30));
        assertThat(outcomes.get(1).getLeft().kind()).isEqualTo(FailureKind.PROTOCOL);
        assertThat(outcomes.get(1).getLeft().code()).isEqualTo("missing_generation");
        assertThat(first.jobId()).contains(JobId.of(ScriptedProvider.NAME, "only"));
    }

    @Test
    void a_refused_submit_ends_every_generation_with_the_same_failure() throws InterruptedException {
        provider.refuseNextSubmit(JobFailure.of(FailureKind.INVALID_REQUEST, "refused", "No."));
        VideoJob first = jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withGenerations(2)));
        assertThat(first.awaitAll(Duration.ofSeconds(30))).allSatisfy(outcome ->
                assertThat(outcome.getLeft().code()).isEqualTo("refused"));
        assertThat(store.saves()).filteredOn(JobRecord::isFinished).hasSize(2);
    }
}
