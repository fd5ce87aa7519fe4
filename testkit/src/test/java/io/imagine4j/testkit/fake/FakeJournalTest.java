package io.imagine4j.testkit.fake;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the fake records for assertions, and that it keeps its counts under concurrent use. */
class FakeJournalTest {

    final FakeVideoProvider fake = FakeVideoProvider.create();

    @AfterEach
    void close() {
        fake.close();
    }

    JobId submit(String prompt) {
        return ((SubmitOutcome.Accepted) fake.submit(Submission.of(SubmissionKey.random(), VideoRequest.textToVideo(prompt), fake.capabilities()))).jobId();
    }

    @Test
    void the_journal_lists_every_call_in_order_with_its_job_time_and_fault() {
        JobId first = submit("One fox");
        fake.advance(Duration.ofSeconds(1));
        fake.failNext(Call.POLL, new Fault.ServerError(502));
        fake.poll(first);
        fake.cancel(first);

        assertThat(fake.journal()).extracting(RecordedCall::call).containsExactly(Call.SUBMIT, Call.POLL, Call.CANCEL);
        assertThat(fake.journal()).extracting(RecordedCall::jobId).allSatisfy(id -> assertThat(id.get()).isEqualTo(first));
        assertThat(fake.journal().get(1).fault().get()).isEqualTo(new Fault.ServerError(502));
        assertThat(fake.journal().get(1).at()).isEqualTo(fake.journal().get(0).at().plusSeconds(1));
        assertThat(fake.calls(Call.POLL)).isEqualTo(1);
    }

    @Test
    void submitted_requests_are_kept_in_order_with_their_keys_and_the_model_made_explicit_on_the_job() {
        submit("One fox");
        submit("Two foxes");
        assertThat(fake.submittedPrompts()).containsExactly("One fox", "Two foxes");
        assertThat(fake.submissions()).extracting(Submission::key).doesNotHaveDuplicates();
        assertThat(fake.jobs()).extracting(job -> job.request().options().model().get())
                .containsOnly(FakeCapabilities.MODEL);
    }

    @Test
    void a_request_outside_the_capabilities_throws_before_anything_is_counted() {
        VideoRequest tooLong = VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(60));
        VideoRequest hdEdit = VideoRequest.edit("Snow", io.imagine4j.core.model.MediaSource.url("https://example.com/a.mp4"))
                .with(o -> o.withModel(FakeCapabilities.HD_MODEL));
        assertThatThrownBy(() -> fake.submit(Submission.of(SubmissionKey.random(), tooLong, fake.capabilities())))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> fake.submit(Submission.of(SubmissionKey.random(), hdEdit, fake.capabilities())))
                .isInstanceOf(UnsupportedCapabilityException.class);
        assertThat(fake.calls(Call.SUBMIT)).isZero();
        assertThat(fake.journal()).isEmpty();
        assertThat(fake.submissions()).isEmpty();
    }

    @Test
    void without_cancel_a_cancel_throws_and_is_not_counted() {
        try (FakeVideoProvider plain = FakeVideoProvider.builder().features().build()) {
            JobId jobId = ((SubmitOutcome.Accepted) plain.submit(Submission.of(SubmissionKey.random(),
                    VideoRequest.textToVideo("A fox"), plain.capabilities()))).jobId();
            assertThatThrownBy(() -> plain.cancel(jobId)).isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(plain.calls(Call.CANCEL)).isZero();
        }
    }

    @Test
    void a_repeated_key_without_idempotency_starts_a_second_job_and_with_it_answers_the_first() {
        Submission twice = Submission.of(SubmissionKey.random(), VideoRequest.textToVideo("A fox"), fake.capabilities());
        fake.submit(twice);
        fake.submit(twice);
        assertThat(fake.jobs()).hasSize(2);

        try (FakeVideoProvider idempotent = FakeVideoProvider.builder().features(ProviderFeature.IDEMPOTENT_SUBMIT).build()) {
            JobId first = ((SubmitOutcome.Accepted) idempotent.submit(twice)).jobId();
            idempotent.advance(Duration.ofSeconds(1));
            SubmitOutcome.Accepted again = (SubmitOutcome.Accepted) idempotent.submit(twice);
            assertThat(again.jobId()).isEqualTo(first);
            assertThat(again.initial().status()).as("the job's state now").isEqualTo(JobStatus.RUNNING);
            assertThat(idempotent.jobs()).hasSize(1);
            assertThat(idempotent.calls(Call.SUBMIT)).isEqualTo(2);
        }
    }

    @Test
    void scenarios_are_used_in_the_order_enqueued_then_directives_then_the_default() {
        fake.enqueue(Scenario.moderated());
        fake.enqueue(Scenario.expires());
        submit("First #sim:fail");
        submit("Second");
        submit("Third #sim:fail");
        submit("Fourth");
        fake.advance(Duration.ofSeconds(10));
        assertThat(fake.jobs()).extracting(job -> job.update().failure().map(f -> f.kind().name()).getOrElse("none"))
                .containsExactly("MODERATION", "EXPIRED", "PROVIDER_ERROR", "none");
    }

    @Test
    void reset_forgets_scenarios_faults_jobs_counts_and_the_journal_but_not_the_time() {
        JobId old = submit("A fox");
        fake.enqueue(Scenario.moderated());
        fake.failNext(Call.POLL, new Fault.NotFound());
        fake.advance(Duration.ofSeconds(30));
        var before = fake.now();

        fake.reset();

        assertThat(fake.calls(Call.SUBMIT)).isZero();
        assertThat(fake.journal()).isEmpty();
        assertThat(fake.jobs()).isEmpty();
        assertThat(fake.now()).isEqualTo(before);
        JobId fresh = submit("Another fox");
        assertThat(fresh).as("ids are never reused").isNotEqualTo(old);
        assertThat(fake.poll(fresh).isRight()).as("the planned fault was forgotten").isTrue();
        fake.advance(Duration.ofSeconds(10));
        assertThat(fake.job(fresh).get().status()).as("the enqueued scenario was forgotten").isEqualTo(JobStatus.SUCCEEDED);
        assertThat(fake.job(old).isEmpty()).isTrue();
    }

    @Test
    void calls_from_many_threads_are_all_counted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        JobId jobId = submit("Fox " + thread + "/" + i);
                        fake.poll(jobId);
                        fake.advance(Duration.ofMillis(10));
                        fake.poll(jobId);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fake.calls(Call.SUBMIT)).isEqualTo(1_600);
        assertThat(fake.calls(Call.POLL)).isEqualTo(3_200);
        assertThat(fake.jobs()).extracting(FakeJob::id).doesNotHaveDuplicates().hasSize(1_600);
        assertThat(fake.journal()).hasSize(4_800);
    }
}
