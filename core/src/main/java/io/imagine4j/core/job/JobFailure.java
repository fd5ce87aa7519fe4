package io.imagine4j.core.job;

import io.imagine4j.core.model.JobId;

import io.vavr.control.Option;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Why a job, or a call made for it, failed: the kind, the provider's own code, a sentence a user
 * can act on, the job it concerns, and when the provider asked to be called again. Never holds a
 * secret.
 *
 * <pre>{@code
 * outcome.peekLeft(failure -> log.warn("{} ({}): {}", failure.kind(), failure.code(), failure.message()));
 * }</pre>
 *
 * @param kind       the kind of failure
 * @param code       the provider's code ({@code imagine:content-moderated}, {@code invalid_argument},
 *                   {@code http_429}); never empty
 * @param message    what happened and what to do about it
 * @param jobId      the job concerned, once the provider gave it an id
 * @param retryAfter the wait the provider asked for, when it did
 * @param costUsd    what the provider billed for the failed job, when it says (xAI bills a
 *                   video withheld by moderation)
 */
public record JobFailure(FailureKind kind, String code, String message, Option<JobId> jobId,
                         Option<RetryAfter> retryAfter, Option<BigDecimal> costUsd) {

    public JobFailure {
        Objects.requireNonNull(kind, "kind");
        code = code == null || code.isBlank() ? kind.name().toLowerCase(java.util.Locale.ROOT) : code;
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(costUsd, "costUsd");
    }

    /** A failure with no cost known. */
    public JobFailure(FailureKind kind, String code, String message, Option<JobId> jobId, Option<RetryAfter> retryAfter) {
        this(kind, code, message, jobId, retryAfter, Option.none());
    }

    public static JobFailure of(FailureKind kind, String code, String message) {
        return new JobFailure(kind, code, message, Option.none(), Option.none());
    }

    public JobFailure withJobId(JobId id) {
        return new JobFailure(kind, code, message, Option.of(id), retryAfter, costUsd);
    }

    /** This failure naming {@code id}, unless it already names a job. */
    public JobFailure forJob(JobId id) {
        return jobId.isDefined() ? this : withJobId(id);
    }

    public JobFailure withRetryAfter(RetryAfter wait) {
        return new JobFailure(kind, code, message, jobId, Option.of(wait), costUsd);
    }

    public JobFailure withMessage(String text) {
        return new JobFailure(kind, code, text, jobId, retryAfter, costUsd);
    }

    /** This failure with what the provider billed for it. */
    public JobFailure withCostUsd(BigDecimal usd) {
        return new JobFailure(kind, code, message, jobId, retryAfter, Option.of(usd));
    }

    /** {@code RATE_LIMITED (http_429) for job xai:abc: Too many requests; retry after PT30S}. */
    @Override
    public String toString() {
        return kind + " (" + code + ")" + jobId.map(id -> " for job " + id).getOrElse("") + ": " + message
                + retryAfter.map(wait -> "; retry after " + wait.delay()).getOrElse("")
                + costUsd.map(usd -> "; billed $" + usd.toPlainString()).getOrElse("");
    }
}
