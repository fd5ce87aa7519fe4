package io.imagine4j.core.job;

import io.imagine4j.core.model.JobId;

import java.time.Duration;
import java.time.Instant;

/**
 * What happened to a job, in the order it happened. A job that succeeds after running produces
 * {@code Created}, {@code Accepted}, {@code StatusChanged(QUEUED → RUNNING)}, {@code ProgressChanged}
 * as it goes, then {@code Finished}; a job this process picks up from the store or by its id starts
 * with {@code Resumed} instead of {@code Created}. Every job that starts ends with exactly one
 * {@code Finished} in the process that sees it end. Events carry no prompt and no secret.
 */
public sealed interface JobEvent {

    JobRef job();

    Instant at();

    /** The job was checked and stored, and its submit is about to be sent. */
    record Created(JobRef job, Instant at) implements JobEvent {
    }

    /** This process follows a job it did not submit: one left unfinished in the store, or watched by its id. */
    record Resumed(JobRef job, Instant at) implements JobEvent {
    }

    /** The provider accepted the job and gave it {@code jobId}. */
    record Accepted(JobRef job, JobId jobId, int attempts, Instant at) implements JobEvent {
    }

    /** A submit was refused in a way that surely started nothing, and will be sent again after {@code retryIn}. */
    record SubmitRetrying(JobRef job, JobFailure cause, int attempt, Duration retryIn, Instant at) implements JobEvent {
    }

    /** The job moved from one non-terminal status to another ({@code QUEUED → RUNNING}). */
    record StatusChanged(JobRef job, JobStatus from, JobStatus to, String rawStatus, Instant at) implements JobEvent {
    }

    /** The job's progress rose to {@code percent}. */
    record ProgressChanged(JobRef job, int percent, Instant at) implements JobEvent {
    }

    /** An update was not applied because it would have moved the job backwards or out of a terminal state. */
    record UpdateIgnored(JobRef job, JobUpdate update, String reason, Instant at) implements JobEvent {
    }

    /** A poll failed; polling goes on after {@code retryIn} when the failure is transient. */
    record PollFailed(JobRef job, JobFailure failure, int consecutive, Duration retryIn, Instant at) implements JobEvent {
    }

    /**
     * The job's record could not be written to the store; the job goes on in this process, and the
     * next write carries its whole state. {@code reason} names the store and what failed.
     */
    record StoreFailed(JobRef job, String reason, Instant at) implements JobEvent {
    }

    /**
     * Another instance sharing the store took the job over (this instance's lease on it lapsed):
     * this process stops following it, and the other reports its end.
     */
    record HandedOver(JobRef job, Instant at) implements JobEvent {
    }

    /**
     * The job ended: {@code state} holds the terminal status with its result or failure.
     * {@code elapsed} runs from when the job was stored to now; {@code polls} counts the polls made
     * for it by this process.
     */
    record Finished(JobRef job, JobState state, Duration elapsed, int polls, Instant at) implements JobEvent {
    }
}
