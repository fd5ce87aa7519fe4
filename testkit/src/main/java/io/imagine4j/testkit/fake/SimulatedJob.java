package io.imagine4j.testkit.fake;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.FaultPlan;
import io.imagine4j.testkit.scenario.Outcome;
import io.imagine4j.testkit.scenario.Scenario;

import java.time.Duration;
import java.time.Instant;

/**
 * One job inside the fake: it follows its scenario on the fake's clock, unless cancelled. Its
 * mutable parts are guarded by the fake's lock.
 */
final class SimulatedJob {

    private final JobId id;
    private final SubmissionKey key;
    private final VideoRequest request;
    private final Scenario scenario;
    private final Instant submittedAt;
    private final GeneratedVideo video;
    private final PendingFaults faults = new PendingFaults();
    private Instant cancelledAt;

    SimulatedJob(JobId id, SubmissionKey key, VideoRequest request, Scenario scenario, Instant submittedAt,
                 GeneratedVideo video) {
        this.id = id;
        this.key = key;
        this.request = request;
        this.scenario = scenario;
        this.submittedAt = submittedAt;
        this.video = video;
        for (FaultPlan plan : scenario.faults()) {
            if (plan.call() != Call.SUBMIT) {
                faults.add(plan);
            }
        }
    }

    JobId id() {
        return id;
    }

    Scenario scenario() {
        return scenario;
    }

    VideoRequest request() {
        return request;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    GeneratedVideo video() {
        return video;
    }

    /** This job's own faults, from its scenario. */
    PendingFaults faults() {
        return faults;
    }

    /** When the job reaches its outcome, unless cancelled first. */
    Instant endsAt() {
        return submittedAt.plus(scenario.processingTime());
    }

    boolean isCancelled() {
        return cancelledAt != null;
    }

    /** Cancels the job at {@code now} unless it has already ended; answers its state afterwards. */
    JobUpdate cancel(Instant now) {
        if (!updateAt(now).status().isTerminal()) {
            cancelledAt = now;
        }
        return updateAt(now);
    }

    /** What the backend reports about the job at {@code now}. */
    JobUpdate updateAt(Instant now) {
        if (cancelledAt != null) {
            return JobUpdate.cancelled("cancelled").forJob(id);
        }
        Duration elapsed = now.isBefore(submittedAt) ? Duration.ZERO : Duration.between(submittedAt, now);
        Scenario.Moment moment = scenario.at(elapsed);
        if (!moment.isTerminal()) {
            JobUpdate update = moment.status() == JobStatus.QUEUED ? JobUpdate.queued("queued") : JobUpdate.running("running");
            return moment.progress().map(update::withProgress).getOrElse(update);
        }
        Outcome outcome = moment.outcome().get();
        if (outcome instanceof Outcome.Succeed) {
            return JobUpdate.succeeded(video, "succeeded");
        }
        if (outcome instanceof Outcome.Fail fail) {
            return JobUpdate.failed(JobFailure.of(FailureCodes.kindOf(fail.code()), fail.code(), fail.message()), "failed")
                    .forJob(id);
        }
        if (outcome instanceof Outcome.Moderated) {
            return JobUpdate.failed(JobFailure.of(FailureKind.MODERATION, "content_moderated",
                    "The generated video was rejected by content moderation; change the prompt or the input."), "failed")
                    .forJob(id);
        }
        return JobUpdate.expired("expired").forJob(id);
    }

    /** The update with a pending status and no progress, as an empty pending answer reads. */
    JobUpdate pendingWithoutProgressAt(Instant now) {
        JobUpdate current = updateAt(now);
        return current.status() == JobStatus.QUEUED ? JobUpdate.queued("") : JobUpdate.running("");
    }

    FakeJob view(Instant now) {
        return new FakeJob(id, key, request, scenario, submittedAt, updateAt(now));
    }
}
