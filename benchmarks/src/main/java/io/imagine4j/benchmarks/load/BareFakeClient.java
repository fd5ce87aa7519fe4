package io.imagine4j.benchmarks.load;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.vavr.control.Either;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The virtual run's baseline: the fake provider's own calls, one submit and then polls at
 * imagine4j's default cadence on the same virtual scheduler, with nothing else (no job store,
 * no state machine, no events, no futures). What it costs is the fake's share and the
 * scheduler's; what imagine4j costs on top is the difference.
 */
final class BareFakeClient implements LoadClient {

    private final FakeVideoProvider fake;
    private final VirtualScheduler time;
    private final Backoff polls = ServiceSettings.defaults().pollBackoff();

    BareFakeClient(FakeVideoProvider fake, VirtualScheduler time) {
        this.fake = fake;
        this.time = time;
    }

    @Override
    public void submit(int index, String prompt, JobTally tally) {
        time.schedule(Duration.ZERO, () -> submitNow(index, prompt, tally));
    }

    private void submitNow(int index, String prompt, JobTally tally) {
        SubmitOutcome outcome = fake.submit(Submission.of(SubmissionKey.random(), VideoRequest.textToVideo(prompt), fake.capabilities()));
        if (outcome instanceof SubmitOutcome.Accepted accepted) {
            tally.accepted(index);
            schedulePoll(index, accepted.jobId(), 0, tally);
        } else {
            tally.failed(index, "submit: " + outcome, true);
        }
    }

    private void schedulePoll(int index, JobId id, int round, JobTally tally) {
        time.schedule(polls.delay(round, ThreadLocalRandom.current()::nextDouble), () -> poll(index, id, round, tally));
    }

    private void poll(int index, JobId id, int round, JobTally tally) {
        Either<JobFailure, JobUpdate> answer = fake.poll(id);
        if (answer.isLeft()) {
            tally.failed(index, "poll: " + answer.getLeft(), false);
        } else if (answer.get().status() == JobStatus.SUCCEEDED) {
            tally.succeeded(index);
        } else if (answer.get().status().isTerminal()) {
            tally.failed(index, "ended " + answer.get().status(), false);
        } else {
            schedulePoll(index, id, round + 1, tally);
        }
    }

    @Override
    public void close() {
        // The run closes the scheduler and the fake it shares with this client.
    }
}
