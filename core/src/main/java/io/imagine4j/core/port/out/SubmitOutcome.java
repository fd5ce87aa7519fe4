package io.imagine4j.core.port.out;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.JobId;

import java.util.List;
import java.util.Objects;

/**
 * What came of one submit. The distinction between {@link Refused} and {@link Ambiguous} is the
 * one that keeps users from paying twice: only a refused submit may be sent again.
 */
public sealed interface SubmitOutcome {

    /**
     * The provider accepted the submit and started one job per generation asked for;
     * {@code initial} is their first known state (usually queued).
     */
    record Accepted(List<JobId> jobIds, JobUpdate initial) implements SubmitOutcome {
        public Accepted {
            jobIds = List.copyOf(jobIds);
            if (jobIds.isEmpty()) {
                throw new IllegalArgumentException("An accepted submit started at least one job");
            }
            Objects.requireNonNull(initial, "initial");
        }

        /** A submit that started one job. */
        public Accepted(JobId jobId, JobUpdate initial) {
            this(List.of(jobId), initial);
        }

        /** The first (usually the only) job started. */
        public JobId jobId() {
            return jobIds.get(0);
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
