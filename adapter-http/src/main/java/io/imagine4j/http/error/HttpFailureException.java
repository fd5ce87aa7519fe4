package io.imagine4j.http.error;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.Imagine4jException;

import java.util.Objects;

/**
 * An API method declared to return a plain body type (not {@code ApiResponse}) got an error answer;
 * {@link #failure()} holds it classified. {@code ApiCall.value} turns it back into a value.
 *
 * <pre>{@code
 * try {
 *     ModelList models = api.models();
 * } catch (HttpFailureException e) {
 *     log.warn("{}", e.failure());
 * }
 * }</pre>
 */
public class HttpFailureException extends Imagine4jException {

    private final int status;
    private final transient JobFailure failure;

    public HttpFailureException(int status, JobFailure failure) {
        super(Objects.requireNonNull(failure, "failure").toString());
        this.status = status;
        this.failure = failure;
    }

    /** The HTTP status of the error answer. */
    public int status() {
        return status;
    }

    public JobFailure failure() {
        return failure;
    }
}
