package io.imagine4j.core.port.in;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.port.out.JobQuery;
import io.vavr.control.Either;

import java.util.List;
import java.util.stream.Stream;

/** Use case: look at what the provider itself holds: its jobs and its models. */
public interface BrowseProvider {

    /**
     * The provider's own jobs, whoever submitted them, fetched page by page as the stream is read.
     * A page that cannot be fetched ends the stream with {@link ProviderCallException}.
     *
     * <pre>{@code
     * try (Stream<JobSummary> running = jobs.list(JobQuery.all().withStatus(JobStatus.RUNNING))) {
     *     running.limit(50).forEach(System.out::println);
     * }
     * }</pre>
     *
     * @throws UnsupportedCapabilityException when the provider has no job list
     */
    Stream<JobSummary> list(JobQuery query);

    /**
     * Deletes a job and its result at the provider.
     *
     * @throws UnsupportedCapabilityException when the provider cannot delete
     */
    Either<JobFailure, JobId> delete(JobId jobId);

    /**
     * The models the provider offers: its run-time list merged with the built-in table where it has
     * one (cached by the service), else the built-in table.
     */
    Either<JobFailure, List<ModelInfo>> models();
}
