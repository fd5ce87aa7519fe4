package io.imagine4j.testkit.openai;

import io.imagine4j.core.job.JobStatus;
import io.imagine4j.testkit.scenario.Outcome;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.scenario.Step;
import io.imagine4j.testkit.sim.SimJob;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one OpenAI job stands at a moment, in the Video object's terms: status, progress (0–100,
 * never moving backwards), when it completed and when its assets expire.
 *
 * @param status      the core status the scenario (or a gateway cancel) reached
 * @param progress    {@code progress}
 * @param completedAt {@code completed_at}: when it ended, whatever the outcome
 * @param expiresAt   {@code expires_at}: a completed video's assets stop being served then
 * @param outcome     how it ended, if it ended by its scenario
 */
record VideoState(JobStatus status, int progress, Option<Instant> completedAt, Option<Instant> expiresAt, Option<Outcome> outcome) {

    static final String MODERATION_CODE = "moderation_blocked";
    static final String MODERATION_MESSAGE = "The generated video was blocked by the moderation system.";

    /** {@code error} of a failed Video object. */
    record Failure(String code, String message) {
    }

    static VideoState of(SimJob<OpenAiJob> job, Instant now, Duration assetTtl) {
        Scenario.Moment moment = job.moment(now);
        JobStatus status = moment.status();
        switch (status) {
            case QUEUED:
                return new VideoState(status, 0, Option.none(), Option.none(), Option.none());
            case RUNNING:
                return new VideoState(status, running(job, moment, now), Option.none(), Option.none(), Option.none());
            case SUCCEEDED:
                return new VideoState(status, 100, Option.some(job.endsAt()), Option.some(job.endsAt().plus(assetTtl)), moment.outcome());
            case CANCELLED:
                return new VideoState(status, moment.progress().getOrElse(0), job.cancelledAt(), Option.none(), Option.none());
            default:
                return new VideoState(status, lastProgress(job), Option.some(job.endsAt()), Option.none(), moment.outcome());
        }
    }

    boolean isCompleted() {
        return status == JobStatus.SUCCEEDED;
    }

    boolean isFinished() {
        return status.isTerminal();
    }

    boolean hasExpired(Instant now) {
        return expiresAt.exists(limit -> !now.isBefore(limit));
    }

    /** {@code status}: OpenAI's four, or a gateway's own words. */
    String wireStatus(boolean gateway) {
        return switch (status) {
            case QUEUED -> gateway ? "pending" : "queued";
            case RUNNING -> gateway ? "processing" : "in_progress";
            case SUCCEEDED -> gateway ? "succeeded" : "completed";
            case EXPIRED -> gateway ? "expired" : "failed";
            case CANCELLED -> gateway ? "cancelled" : "failed";
            default -> "failed";
        };
    }

    /** {@code error}: code and message of a failure; OpenAI has no expired or cancelled status, so those are failures too. */
    Option<Failure> error(boolean gateway) {
        if (outcome.isDefined() && outcome.get() instanceof Outcome.Moderated) {
            return Option.some(new Failure(MODERATION_CODE, MODERATION_MESSAGE));
        }
        if (outcome.isDefined() && outcome.get() instanceof Outcome.Fail failure) {
            return Option.some(new Failure(failure.code(), failure.message()));
        }
        if (status == JobStatus.EXPIRED && !gateway) {
            return Option.some(new Failure("expired", "The video job expired before it completed."));
        }
        if (status == JobStatus.CANCELLED && !gateway) {
            return Option.some(new Failure("cancelled", "The video job was cancelled."));
        }
        return Option.none();
    }

    /** The scenario's progress while running, else a linear estimate; never 100 before the end. */
    private static int running(SimJob<OpenAiJob> job, Scenario.Moment moment, Instant now) {
        long total = job.scenario().processingTime().toMillis();
        int estimate = total == 0 ? 0 : (int) (job.elapsed(now).toMillis() * 100 / total);
        return Math.max(0, Math.min(99, moment.progress().getOrElse(estimate)));
    }

    /** A job that failed keeps the progress it last showed. */
    private static int lastProgress(SimJob<OpenAiJob> job) {
        int last = 0;
        for (Step step : job.scenario().steps()) {
            if (step.at().compareTo(job.scenario().processingTime()) < 0) {
                last = Math.max(last, step.progress().getOrElse(last));
            }
        }
        return Math.min(99, last);
    }
}
