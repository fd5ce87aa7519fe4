package io.imagine4j.core.job;

/** Why a job, or a call made for it, failed. One vocabulary for every backend. */
public enum FailureKind {
    /** The prompt, input or result was rejected by content moderation. Terminal, and usually billed. */
    MODERATION,
    /** The provider refused the request's content or parameters. */
    INVALID_REQUEST,
    /** The API key is missing, wrong or revoked. */
    AUTHENTICATION,
    /** The key is valid but may not do this (model access, team permissions). */
    PERMISSION,
    /** The account is out of credits or over its quota. */
    QUOTA,
    /** Too many requests; {@link JobFailure#retryAfter()} says when to try again, when the provider said. */
    RATE_LIMITED,
    /**
     * The provider could not be reached, the connection broke, or the provider said it is
     * temporarily unavailable. Whether a submit that failed so started a job is told by
     * {@code SubmitOutcome}, not by this kind.
     */
    UNAVAILABLE,
    /** The provider failed, on its side. */
    PROVIDER_ERROR,
    /** A deadline passed before the job finished. */
    TIMEOUT,
    /** The job, or its result, expired at the provider. */
    EXPIRED,
    /** The job was cancelled. */
    CANCELLED,
    /** The provider does not know the job or the result. */
    NOT_FOUND,
    /** The provider answered something imagine4j cannot understand. */
    PROTOCOL,
    /**
     * A submit failed in a way that leaves open whether the provider started the job (a
     * connection reset after the request was sent, a read timeout, a 5xx). It is not sent again,
     * because a second submit could start, and bill, a second job.
     */
    SUBMISSION_OUTCOME_UNKNOWN,
    /**
     * The job's estimated cost would pass the budget set in the service's settings. Nothing was
     * stored or sent.
     */
    BUDGET_EXCEEDED;

    /** Whether a call that failed this way may simply be made again later (a poll, a download). */
    public boolean isTransient() {
        return switch (this) {
            case RATE_LIMITED, UNAVAILABLE, PROVIDER_ERROR, TIMEOUT, PROTOCOL -> true;
            default -> false;
        };
    }
}
