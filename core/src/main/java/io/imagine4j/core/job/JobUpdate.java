package io.imagine4j.core.job;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.GeneratedVideo;

import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * What a provider said about a job at one moment, already in the core's vocabulary: the status,
 * progress where the backend reports it, the result or the failure once terminal, the raw wire
 * status for diagnostics, and how soon the provider would like to be asked again.
 *
 * <p>Every terminal update other than {@code SUCCEEDED} carries a failure; {@code SUCCEEDED}
 * carries the video. The factories keep it so.
 *
 * <pre>{@code
 * JobUpdate pending = JobUpdate.running("pending").withProgress(24);
 * JobUpdate done    = JobUpdate.succeeded(video, "done");
 * }</pre>
 *
 * @param status    the status in the core's vocabulary
 * @param progress  percent done, 0–100, when the backend reports it
 * @param result    the video, exactly when {@code status} is {@code SUCCEEDED}
 * @param failure   why the job ended, when it ended any other way
 * @param rawStatus the status as it came over the wire ({@code pending}, {@code in_progress}); may be empty
 * @param pollAfter the provider's hint for the next poll ({@code Retry-After}, {@code openai-poll-after-ms})
 */
public record JobUpdate(JobStatus status, Option<Integer> progress, Option<GeneratedVideo> result,
                        Option<JobFailure> failure, String rawStatus, Option<Duration> pollAfter) {

    public JobUpdate {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(failure, "failure");
        rawStatus = rawStatus == null ? "" : rawStatus;
        Objects.requireNonNull(pollAfter, "pollAfter");
        if (progress.exists(p -> p < 0 || p > 100)) {
            throw new IllegalArgumentException("progress is a percentage, got " + progress.get());
        }
        if ((status == JobStatus.SUCCEEDED) != result.isDefined()) {
            throw new IllegalArgumentException("a result belongs to a SUCCEEDED update and to no other, got " + status);
        }
        boolean failed = status.isTerminal() && status != JobStatus.SUCCEEDED;
        if (failed != failure.isDefined()) {
            throw new IllegalArgumentException("a failure belongs to FAILED, CANCELLED and EXPIRED updates only, got " + status);
        }
    }

    public static JobUpdate queued(String rawStatus) {
        return new JobUpdate(JobStatus.QUEUED, Option.none(), Option.none(), Option.none(), rawStatus, Option.none());
    }

    public static JobUpdate running(String rawStatus) {
        return new JobUpdate(JobStatus.RUNNING, Option.none(), Option.none(), Option.none(), rawStatus, Option.none());
    }

    public static JobUpdate succeeded(GeneratedVideo video, String rawStatus) {
        return new JobUpdate(JobStatus.SUCCEEDED, Option.some(100), Option.some(video), Option.none(), rawStatus, Option.none());
    }

    public static JobUpdate failed(JobFailure failure, String rawStatus) {
        return new JobUpdate(JobStatus.FAILED, Option.none(), Option.none(), Option.some(failure), rawStatus, Option.none());
    }

    public static JobUpdate cancelled(String rawStatus) {
        return new JobUpdate(JobStatus.CANCELLED, Option.none(), Option.none(), Option.some(JobFailure.of(
                FailureKind.CANCELLED, "cancelled", "The job was cancelled before it finished.")), rawStatus, Option.none());
    }

    public static JobUpdate expired(String rawStatus) {
        return new JobUpdate(JobStatus.EXPIRED, Option.none(), Option.none(), Option.some(JobFailure.of(
                FailureKind.EXPIRED, "expired", "The job expired at the provider before its result was collected; submit it again.")),
                rawStatus, Option.none());
    }

    /** This update with {@code percent} done (0–100). */
    public JobUpdate withProgress(int percent) {
        return new JobUpdate(status, Option.some(percent), result, failure, rawStatus, pollAfter);
    }

    /** This update with the provider's hint for the next poll. */
    public JobUpdate withPollAfter(Duration delay) {
        return new JobUpdate(status, progress, result, failure, rawStatus, Option.of(delay));
    }

    /** This update with its failure naming {@code id}. */
    public JobUpdate forJob(JobId id) {
        return failure.isEmpty() || failure.get().jobId().isDefined() ? this
                : new JobUpdate(status, progress, result, failure.map(f -> f.withJobId(id)), rawStatus, pollAfter);
    }
}
