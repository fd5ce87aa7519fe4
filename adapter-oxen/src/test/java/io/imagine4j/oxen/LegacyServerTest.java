package io.imagine4j.oxen;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.scenario.Call;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Older Oxen servers: the enqueue answers {@code processing}, rows name the model {@code model},
 * and the queue forgets a generation once it ends (404). Such a 404 is not "unknown job": the
 * history is asked for the outcome.
 */
class LegacyServerTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void an_older_servers_answers_are_read_and_a_finished_job_is_found_in_the_history() {
        try (OxenSimulator oxen = OxenSimulator.start(); OxenVideoProvider provider = SimulatedHub.provider(oxen).build()) {
            SubmitOutcome outcome = provider.submit(Submission.of(SubmissionKey.random(),
                    PushCompletionTest.edit("Make it snow #sim:legacy").with(o -> o.withGenerations(2)), provider.capabilities()));
            SubmitOutcome.Accepted accepted = (SubmitOutcome.Accepted) outcome;
            assertThat(accepted.jobIds()).hasSize(2);
            assertThat(accepted.initial().status()).as("\"processing\" at enqueue").isEqualTo(JobStatus.RUNNING);
            JobId id = accepted.jobId();
            assertThat(provider.poll(id).get().status()).isEqualTo(JobStatus.QUEUED);

            oxen.advance(Duration.ofSeconds(3));
            JobUpdate done = provider.poll(id).get();
            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            GeneratedVideo video = done.result().get();
            assertThat(video.details()).containsEntry("model", OxenCapabilities.EDIT_MODEL);
            assertThat(video.costUsd()).contains(new BigDecimal("0.25")); // the history's cost: 5 s at 0.05 USD
            assertThat(oxen.journal().entries(entry -> entry.path().equals("/api/ai/generations/" + id.value()))).hasSize(1);
            assertThat(provider.cancel(id).get().status()).as("a cancel of a finished job changes nothing")
                    .isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    @Test
    void an_older_servers_job_whose_event_was_missed_still_ends_with_its_result() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoJob job = hub.jobs.submit(PushCompletionTest.edit("Make it snow #sim:legacy,events-drop"));
            JobId id = job.awaitAccepted(WAIT).get();
            hub.oxen.advance(Duration.ofSeconds(3));

            assertThat(job.await(WAIT).get().costUsd().isDefined()).isTrue();
            assertThat(hub.oxen.journal().entries(entry -> entry.path().equals("/api/ai/generations/" + id.value()))).isNotEmpty();
        }
    }

    @Test
    void a_generation_neither_the_queue_nor_the_history_knows_is_not_found_with_a_sentence_to_act_on() {
        try (OxenSimulator oxen = OxenSimulator.start(); OxenVideoProvider provider = SimulatedHub.provider(oxen).build()) {
            var failure = provider.poll(JobId.of("oxen", "no-such-generation")).getLeft();
            assertThat(failure.kind()).isEqualTo(FailureKind.NOT_FOUND);
            assertThat(failure.message()).contains("history", "completion event");
            assertThat(oxen.calls(Call.POLL)).isEqualTo(2);
        }
    }
}
