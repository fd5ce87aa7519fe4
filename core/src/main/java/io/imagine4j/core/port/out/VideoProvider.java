package io.imagine4j.core.port.out;

import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.List;

/**
 * A backend that runs video jobs: the port every adapter implements. Each method makes at most one
 * logical call to the backend; retries, polling and deadlines belong to the service.
 *
 * <p>Contract (proved by the testkit's {@code VideoProviderContract}):
 * <ul>
 *   <li>{@link #submit} receives a request already checked against {@link #capabilities()} (a
 *       {@link Submission} holds a {@code CheckedRequest}, which only the check makes), so it
 *       only translates it to the wire;</li>
 *   <li>a failed call is a {@code Left} with a typed {@link JobFailure}, never an exception;
 *       a job that failed is a {@code Right} update with status {@code FAILED};</li>
 *   <li>an operation the provider lacks throws {@link UnsupportedCapabilityException}, naming
 *       what to do instead; the optional operations here do so by default.</li>
 * </ul>
 *
 * <pre>{@code
 * VideoProvider provider = XaiVideo.fromEnvironment();
 * SubmitOutcome outcome = provider.submit(Submission.of(SubmissionKey.random(), request, provider.capabilities()));
 * }</pre>
 */
public interface VideoProvider extends AutoCloseable {

    /** The built-in table of what the provider accepts; see {@link #models()} for what it says at run time. */
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
     * @throws UnsupportedCapabilityException when the provider cannot cancel ({@link ProviderFeature#CANCEL})
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

    /**
     * Opens one content variant of a finished job from {@code offset}.
     *
     * @throws UnsupportedCapabilityException for a variant the provider does not serve
     */
    default Either<JobFailure, VideoContent> openContent(GeneratedVideo video, ContentVariant variant, long offset) {
        if (variant == ContentVariant.VIDEO) {
            return openContent(video, offset);
        }
        throw UnsupportedCapabilityException.operation(name(), variant.label() + " download",
                "download the video and take a frame from it yourself");
    }

    /**
     * One page of the provider's own job list.
     *
     * @throws UnsupportedCapabilityException when the provider has no list ({@link ProviderFeature#LIST})
     */
    default Either<JobFailure, JobPage> list(JobQuery query) {
        throw UnsupportedCapabilityException.operation(name(), "list", "keep the ids of your jobs: the job store lists them");
    }

    /**
     * Deletes the job and its result at the provider, answering the id deleted.
     *
     * @throws UnsupportedCapabilityException when the provider cannot delete ({@link ProviderFeature#DELETE})
     */
    default Either<JobFailure, JobId> delete(JobId jobId) {
        throw UnsupportedCapabilityException.operation(name(), "delete", "results expire at the provider on their own");
    }

    /**
     * The models the provider answers at run time, with what the adapter could learn of each.
     *
     * @throws UnsupportedCapabilityException when the provider has no model list ({@link ProviderFeature#MODEL_DISCOVERY})
     */
    default Either<JobFailure, List<ModelInfo>> models() {
        throw UnsupportedCapabilityException.operation(name(), "model discovery",
                "capabilities() lists the models this adapter knows");
    }

    /** The prices this adapter knows, dated and sourced, for estimates; none unless it ships some. */
    default PriceTable prices() {
        return PriceTable.empty();
    }

    /** The provider's push channel, when it has one. */
    default Option<JobEventSource> eventSource() {
        return Option.none();
    }

    /** Releases connections and threads. */
    @Override
    default void close() {
    }
}
