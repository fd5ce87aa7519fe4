package io.imagine4j.core.job;

import io.imagine4j.core.model.Imagine4jException;

/**
 * Thrown where a failed job meets an exception-based API, such as the future of
 * {@code VideoJob.result()}. The failure itself is {@link #failure()}.
 */
public class JobFailedException extends Imagine4jException {

    private final transient JobFailure failure;

    public JobFailedException(JobFailure failure) {
        super(failure.toString());
        this.failure = failure;
    }

    public JobFailure failure() {
        return failure;
    }
}
