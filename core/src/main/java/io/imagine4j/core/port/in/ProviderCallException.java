package io.imagine4j.core.port.in;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.Imagine4jException;

/**
 * A call to the provider failed where the API cannot answer a value, such as while a
 * {@link BrowseProvider#list} stream fetches its next page. The typed failure is {@link #failure()}.
 */
public class ProviderCallException extends Imagine4jException {

    private final transient JobFailure failure;

    public ProviderCallException(JobFailure failure) {
        super(failure.toString());
        this.failure = failure;
    }

    public JobFailure failure() {
        return failure;
    }
}
