package io.imagine4j.oxen;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.testkit.scenario.Call;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.imagine4j.oxen.PushCompletionTest.edit;
import static org.assertj.core.api.Assertions.assertThat;

/** Oxen sends no event for a cancelled job: the cancel's own answer ends it, else the safety poll notices. */
class CancelTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void a_job_cancelled_through_the_service_ends_by_the_cancels_answer() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoJob job = hub.jobs.submit(edit("A long one #sim:time=10s"));
            JobId id = job.awaitAccepted(WAIT).get();
            hub.oxen.advance(Duration.ofSeconds(2));

            Either<JobFailure, JobState> cancelled = hub.jobs.cancel(id);
            assertThat(cancelled.get().status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(job.await(WAIT).getLeft().kind()).isEqualTo(FailureKind.CANCELLED);
            assertThat(hub.oxen.calls(Call.CANCEL)).isEqualTo(1);
            assertThat(hub.pollsOf(id.value())).as("the read-back after the DELETE").hasSize(1);
        }
    }

    @Test
    void a_job_cancelled_elsewhere_sends_no_event_and_is_noticed_by_the_safety_poll() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start(settings -> settings.withPushSafetyInterval(Duration.ofMillis(200)))) {
            VideoJob job = hub.jobs.submit(edit("A long one #sim:time=10s"));
            JobId id = job.awaitAccepted(WAIT).get();
            assertThat(new RawOxen(hub.oxen).cancel(id.value())).isEqualTo(200);
            hub.oxen.advance(Duration.ofSeconds(10));

            assertThat(job.await(WAIT).getLeft().kind()).isEqualTo(FailureKind.CANCELLED);
            assertThat(hub.pollsOf(id.value())).isNotEmpty();
            assertThat(hub.events().connections()).as("the stream stayed up: no event came, the poll told").isEqualTo(1);
        }
    }
}
