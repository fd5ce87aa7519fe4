package io.imagine4j.core.job;

import io.imagine4j.core.model.GeneratedVideo;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a job stands, as imagine4j last recorded it. Changed only by {@link JobStateMachine}.
 *
 * @param status    the current status
 * @param progress  percent done, when any backend update reported it; never decreases
 * @param rawStatus the last wire status seen
 * @param result    the video, once {@code SUCCEEDED}
 * @param failure   why the job ended, once it ended any other way
 * @param updatedAt when this state was recorded
 */
public record JobState(JobStatus status, Option<Integer> progress, String rawStatus, Option<GeneratedVideo> result,
                       Option<JobFailure> failure, Instant updatedAt) {

    public JobState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(progress, "progress");
        rawStatus = rawStatus == null ? "" : rawStatus;
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A job just created: queued, nothing known yet. */
    public static JobState initial(Instant now) {
        return new JobState(JobStatus.QUEUED, Option.none(), "", Option.none(), Option.none(), now);
    }

    /**
     * A job ended by imagine4j itself rather than by a provider update: a submit that failed, a
     * watch deadline, a poll refused for good.
     */
    public static JobState failed(JobFailure failure, Instant now) {
        return new JobState(JobStatus.FAILED, Option.none(), "", Option.none(), Option.some(failure), now);
    }

    /** This state with another progress value. */
    public JobState withProgress(Option<Integer> value) {
        return new JobState(status, value, rawStatus, result, failure, updatedAt);
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }
}
