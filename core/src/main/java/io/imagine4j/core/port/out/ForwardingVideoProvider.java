package io.imagine4j.core.port.out;

import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ProviderCapabilities;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.List;
import java.util.Objects;

/**
 * A provider that hands every call, optional operations and {@link #close()} included, to
 * another: the base of a decorator, which overrides only the calls it adds something to. The
 * defaults of {@link VideoProvider} are not used, so the decorated provider's own answers (its
 * name, prices, list, models, push channel) come through unchanged.
 *
 * <pre>{@code
 * VideoProvider timed = new ForwardingVideoProvider(XaiVideo.fromEnvironment()) {
 *     @Override
 *     public Either<JobFailure, JobUpdate> poll(JobId jobId) {
 *         long start = System.nanoTime();
 *         try {
 *             return super.poll(jobId);
 *         } finally {
 *             pollTimes.record(System.nanoTime() - start);
 *         }
 *     }
 * };
 * }</pre>
 */
public abstract class ForwardingVideoProvider implements VideoProvider {

    private final VideoProvider delegate;

    protected ForwardingVideoProvider(VideoProvider delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The provider every call goes to. */
    protected final VideoProvider delegate() {
        return delegate;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public SubmitOutcome submit(Submission submission) {
        return delegate.submit(submission);
    }

    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        return delegate.poll(jobId);
    }

    @Override
    public Either<JobFailure, JobUpdate> cancel(JobId jobId) {
        return delegate.cancel(jobId);
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
        return delegate.openContent(video, offset);
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, ContentVariant variant, long offset) {
        return delegate.openContent(video, variant, offset);
    }

    @Override
    public Either<JobFailure, JobPage> list(JobQuery query) {
        return delegate.list(query);
    }

    @Override
    public Either<JobFailure, JobId> delete(JobId jobId) {
        return delegate.delete(jobId);
    }

    @Override
    public Either<JobFailure, List<ModelInfo>> models() {
        return delegate.models();
    }

    @Override
    public PriceTable prices() {
        return delegate.prices();
    }

    @Override
    public Option<JobEventSource> eventSource() {
        return delegate.eventSource();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
