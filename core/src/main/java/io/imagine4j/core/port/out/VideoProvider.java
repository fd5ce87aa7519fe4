package io.imagine4j.core.port.out;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * A backend that runs video jobs: the port every adapter implements. Each method makes at most one
 * logical call to the backend; retries, polling and deadlines belong to the service.
 *
 * <p>Contract (proved by the testkit's {@code VideoProviderContract}):
 * <ul>
 *   <li>{@link #submit} first checks the request against {@link #capabilities()} with
 *       {@code CapabilityCheck.require}, so a request outside them throws before any network call;</li>
 *   <li>a failed call is a {@code Left} with a typed {@link JobFailure}, never an exception;
 *       a job that failed is a {@code Right} update with status {@code FAILED};</li>
 *   <li>an operation the provider lacks throws {@link UnsupportedCapabilityException}.</li>
 * </ul>
 *
 * <pre>{@code
 * VideoProvider provider = XaiVideo.fromEnvironment();
 * SubmitOutcome outcome = provider.submit(new Submission(SubmissionKey.random(), request));
 * }</pre>
 */
public interface VideoProvider extends AutoCloseable {

    ProviderCapabilities capabilities();

    /** The provider's short name, as in its job ids. */
    default String name() {
        return capabilities().provider();
    }

    SubmitOutcome submit(Submission submission);

    /** The job's current state; a job the provider does not know is a {@code NOT_FOUND} failure. */
    Either<JobFailure, JobUpdate> poll(JobId jobId);

    /**
     * Asks the provider to cancel the job, answering the job's state afterwards.
     *
     * @throws UnsupportedCapabilityException when the provider cannot cancel
     */
    default Either<JobFailure, JobUpdate> cancel(JobId jobId) {
        throw UnsupportedCapabilityException.operation(name(), "cancel", "let the job run to its end");
    }

    /**
     * Opens the result's bytes from {@code offset} (0 for the whole file). Credentials are sent
     * only where the provider requires them for its own content endpoint, never to a result URL
     * on another host.
     */
    Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset);

    /** The provider's push channel, when it has one. */
    default Option<JobEventSource> eventSource() {
        return Option.none();
    }

    /** Releases connections and threads. */
    @Override
    default void close() {
    }
}
