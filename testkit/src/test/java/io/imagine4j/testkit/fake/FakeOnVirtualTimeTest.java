package io.imagine4j.testkit.fake;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.DownloadedVideo;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.FaultPlan;
import io.imagine4j.testkit.scenario.Scenario;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake under the real application service, both on one virtual clock. */
class FakeOnVirtualTimeTest {

    static final VideoRequest FOX = VideoRequest.textToVideo("A red fox running through snow");

    final VirtualScheduler time = VirtualScheduler.create();
    final List<JobEvent> events = new CopyOnWriteArrayList<>();
    FakeVideoProvider fake = FakeVideoProvider.on(time);
    VideoJobService jobs;

    VideoJobService start() {
        jobs = VideoJobService.builder(fake).scheduler(time).listener(events::add).build();
        return jobs;
    }

    @AfterEach
    void close() {
        if (jobs != null) {
            jobs.close();
        }
        fake.close();
    }

    @Test
    void await_moves_the_shared_clock_and_the_fakes_job_with_it(@TempDir Path dir) throws Exception {
        start();
        fake.enqueue(Scenario.succeedsAfter(Duration.ofSeconds(40)));
        Instant start = time.now();

        VideoJob job = jobs.submit(FOX.with(o -> o.withDurationSeconds(6)));
        Either<JobFailure, GeneratedVideo> outcome = job.await(Duration.ofMinutes(10));

        assertThat(outcome.isRight()).as("%s", outcome).isTrue();
        Duration virtual = Duration.between(start, time.now());
        assertThat(virtual).as("virtual time spent: the job's 40 s plus at most one poll interval")
                .isBetween(Duration.ofSeconds(40), Duration.ofSeconds(49));
        assertThat(fake.now()).isEqualTo(time.now());
        GeneratedVideo video = outcome.get();
        assertThat(video.duration().getOrNull()).isEqualTo(Duration.ofSeconds(6));
        assertThat(fake.calls(Call.SUBMIT)).isEqualTo(1);

        DownloadedVideo saved = jobs.download(video, dir.resolve("fox.mp4")).get();
        assertThat(Mp4Header.duration(saved.path()).get()).isBetween(Duration.ofMillis(5_900), Duration.ofMillis(6_100));
    }

    @Test
    void a_job_without_a_scripted_scenario_succeeds_after_the_default_time() throws Exception {
        start();
        VideoJob job = jobs.submit(FOX);
        assertThat(job.await(Duration.ofMinutes(10)).isRight()).isTrue();
        assertThat(fake.jobs()).singleElement().satisfies(j -> {
            assertThat(j.scenario()).isEqualTo(Scenario.succeeds());
            assertThat(j.status()).isEqualTo(JobStatus.SUCCEEDED);
        });
    }

    @Test
    void directives_in_the_prompt_pick_the_outcome() throws Exception {
        start();
        VideoJob moderated = jobs.submit(VideoRequest.textToVideo("A fox #sim:moderated"));
        VideoJob invalid = jobs.submit(VideoRequest.textToVideo("A fox #sim:fail=invalid_argument"));
        VideoJob expired = jobs.submit(VideoRequest.textToVideo("A fox #sim:expire,slow=20s"));

        assertThat(moderated.await(Duration.ofMinutes(1)).getLeft().kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(invalid.await(Duration.ofMinutes(1)).getLeft().kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(expired.await(Duration.ofMinutes(1)).getLeft().kind()).isEqualTo(FailureKind.EXPIRED);
        assertThat(expired.status()).isEqualTo(JobStatus.EXPIRED);
        assertThat(fake.submittedPrompts()).containsExactly("A fox #sim:moderated", "A fox #sim:fail=invalid_argument",
                "A fox #sim:expire,slow=20s");
    }

    @Test
    void a_rate_limited_submit_is_sent_again_after_retry_after_and_makes_one_job() throws Exception {
        start();
        fake.enqueue(Scenario.succeeds().withFault(FaultPlan.once(Call.SUBMIT,
                new Fault.RateLimited(Option.some(Duration.ofSeconds(12))))));

        VideoJob job = jobs.submit(FOX);

        assertThat(job.await(Duration.ofMinutes(10)).isRight()).isTrue();
        assertThat(fake.calls(Call.SUBMIT)).isEqualTo(2);
        assertThat(fake.jobs()).hasSize(1);
        List<Instant> submits = fake.journal().stream().filter(c -> c.call() == Call.SUBMIT).map(RecordedCall::at).toList();
        assertThat(Duration.between(submits.get(0), submits.get(1))).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void an_ambiguous_submit_is_not_repeated_though_the_job_was_created_and_runs() throws Exception {
        start();
        fake.failNext(Call.SUBMIT, new Fault.ConnectionReset());

        VideoJob job = jobs.submit(FOX);

        assertThat(job.await(Duration.ofMinutes(10)).getLeft().kind()).isEqualTo(FailureKind.SUBMISSION_OUTCOME_UNKNOWN);
        assertThat(fake.calls(Call.SUBMIT)).isEqualTo(1);
        fake.advance(Duration.ofMinutes(1));
        assertThat(fake.jobs()).singleElement().extracting(FakeJob::status)
                .as("the job nobody follows, still paid for").isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void with_idempotent_submits_an_ambiguous_submit_is_repeated_and_answers_the_same_job() throws Exception {
        fake = FakeVideoProvider.builder().clock(time).features(ProviderFeature.IDEMPOTENT_SUBMIT).build();
        start();
        fake.failNext(Call.SUBMIT, new Fault.ServerError(500));

        VideoJob job = jobs.submit(FOX);

        assertThat(job.await(Duration.ofMinutes(10)).isRight()).isTrue();
        assertThat(fake.calls(Call.SUBMIT)).isEqualTo(2);
        assertThat(fake.jobs()).hasSize(1);
        assertThat(job.jobId().get()).isEqualTo(fake.jobs().get(0).id());
        assertThat(fake.submissions()).extracting(s -> s.key()).containsOnly(job.key());
    }

    @Test
    void polls_answered_with_faults_are_retried_until_the_job_ends() throws Exception {
        start();
        fake.enqueue(Scenario.succeeds().withFault(new FaultPlan(Call.POLL, new Fault.ServerError(503), 2))
                .withFault(FaultPlan.once(Call.POLL, new Fault.MalformedJson())));

        VideoJob job = jobs.submit(FOX);

        assertThat(job.await(Duration.ofMinutes(10)).isRight()).isTrue();
        assertThat(events).filteredOn(e -> e instanceof JobEvent.PollFailed).hasSize(3);
    }

    @Test
    void cancel_through_the_service_ends_the_job_cancelled() throws Exception {
        start();
        fake.enqueue(Scenario.succeedsAfter(Duration.ofMinutes(2)));
        VideoJob job = jobs.submit(FOX);
        time.advance(Duration.ofSeconds(30)); // the submit and the first polls run on the virtual clock
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);

        assertThat(job.cancel().get().status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.await(Duration.ofMinutes(10)).getLeft().kind()).isEqualTo(FailureKind.CANCELLED);
        time.advance(Duration.ofMinutes(5));
        assertThat(fake.jobs().get(0).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(fake.calls(Call.CANCEL)).isEqualTo(1);
    }

    @Test
    void a_thousand_jobs_on_four_threads_all_end_with_one_submit_each() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            VirtualScheduler pooled = VirtualScheduler.onExecutor(pool);
            fake = FakeVideoProvider.builder().clock(pooled).features(ProviderFeature.CANCEL, ProviderFeature.PUSH_EVENTS).build();
            jobs = VideoJobService.builder(fake).scheduler(pooled).build();
            List<VideoJob> submitted = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                String directive = i % 10 == 0 ? " #sim:fail" : i % 7 == 0 ? " #sim:poll-503x2" : "";
                submitted.add(jobs.submit(VideoRequest.textToVideo("Fox number " + i + directive)));
            }
            for (VideoJob job : submitted) {
                job.await(Duration.ofMinutes(10));
            }
            assertThat(submitted).allSatisfy(job -> assertThat(job.status().isTerminal()).isTrue());
            assertThat(submitted).filteredOn(job -> job.status() == JobStatus.FAILED).hasSize(100);
            assertThat(fake.calls(Call.SUBMIT)).isEqualTo(1_000);
            assertThat(fake.jobs()).hasSize(1_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
