package io.imagine4j.core.port.out;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;

import java.util.Objects;

/**
 * What came of one submit. The distinction between {@link Refused} and {@link Ambiguous} is the
 * one that keeps users from paying twice: only a refused submit may be sent again.
 */
public sealed interface SubmitOutcome {

    /** The provider accepted the job; {@code initial} is its first known state (usually queued). */
    record Accepted(JobId jobId, JobUpdate initial) implements SubmitOutcome {
        public Accepted {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(initial, "initial");
        }
    }

    /**
     * The provider surely started nothing: the connection was refused, or it answered 429, 503 or
     * a 4xx before doing work. Rate limits and unavailability ({@code RATE_LIMITED},
     * {@code UNAVAILABLE}) may be retried; everything else is final.
     */
    record Refused(JobFailure failure) implements SubmitOutcome {
        public Refused {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * The request may have reached the provider and started a job: a connection reset after the
     * request was sent, a read timeout, a 5xx other than 503, an unreadable answer. Never retried
     * unless the provider honours idempotency keys. {@code cause} says what went wrong on the wire,
     * in the kind that describes it ({@code UNAVAILABLE} for a broken connection, {@code TIMEOUT}
     * for a read timeout, {@code PROVIDER_ERROR} for a 5xx, {@code PROTOCOL} for an unreadable
     * answer); the service reports the job as {@code SUBMISSION_OUTCOME_UNKNOWN} with its code.
     */
    record Ambiguous(JobFailure cause) implements SubmitOutcome {
        public Ambiguous {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
