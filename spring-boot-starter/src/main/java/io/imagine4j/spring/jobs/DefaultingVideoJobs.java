package io.imagine4j.spring.jobs;

import io.imagine4j.core.cost.CostEstimate;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.in.DownloadListener;
import io.imagine4j.core.port.in.DownloadedVideo;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.JobQuery;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@link VideoJobs} that gives each request the configured {@link VideoDefaults} it leaves unset
 * before the service checks, estimates or submits it; everything else goes straight to the
 * service. This is the {@code VideoJobs} bean the starter makes: {@code imagine4j.xai.defaults.duration=6s}
 * then applies to every job the application submits, without the application doing anything.
 *
 * <pre>{@code
 * VideoJobs jobs = new DefaultingVideoJobs(VideoJobService.builder(provider).build(),
 *         VideoDefaults.none().withDuration(Duration.ofSeconds(6)));
 * jobs.submit(VideoRequest.textToVideo("A red fox"));        // asks for 6 s
 * }</pre>
 */
public final class DefaultingVideoJobs implements VideoJobs {

    private final VideoJobs service;
    private final VideoDefaults defaults;

    public DefaultingVideoJobs(VideoJobs service, VideoDefaults defaults) {
        this.service = Objects.requireNonNull(service, "service");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /** The service behind these jobs. */
    public VideoJobs service() {
        return service;
    }

    /** The defaults given to requests. */
    public VideoDefaults defaults() {
        return defaults;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return service.capabilities();
    }

    @Override
    public Validation<Seq<Violation>, CheckedRequest> validate(VideoRequest request) {
        return service.validate(withDefaults(request));
    }

    @Override
    public VideoJob submit(VideoRequest request, JobListener listener) {
        return service.submit(withDefaults(request), listener);
    }

    @Override
    public Either<String, CostEstimate> estimate(VideoRequest request) {
        return service.estimate(withDefaults(request));
    }

    @Override
    public Option<VideoJob> find(SubmissionKey key) {
        return service.find(key);
    }

    @Override
    public Option<VideoJob> find(JobId jobId) {
        return service.find(jobId);
    }

    @Override
    public VideoJob watch(JobId jobId) {
        return service.watch(jobId);
    }

    @Override
    public Either<JobFailure, JobUpdate> check(JobId jobId) {
        return service.check(jobId);
    }

    @Override
    public Either<JobFailure, JobState> cancel(JobId jobId) {
        return service.cancel(jobId);
    }

    @Override
    public List<VideoJob> resume() {
        return service.resume();
    }

    @Override
    public Either<JobFailure, DownloadedVideo> download(GeneratedVideo video, ContentVariant variant, Path target,
            DownloadListener listener) {
        return service.download(video, variant, target, listener);
    }

    @Override
    public Stream<JobSummary> list(JobQuery query) {
        return service.list(query);
    }

    @Override
    public Either<JobFailure, JobId> delete(JobId jobId) {
        return service.delete(jobId);
    }

    @Override
    public Either<JobFailure, List<ModelInfo>> models() {
        return service.models();
    }

    /** Closes the service: jobs stop being followed and stay resumable from the store. */
    @Override
    public void close() {
        service.close();
    }

    private VideoRequest withDefaults(VideoRequest request) {
        return defaults.applyTo(Objects.requireNonNull(request, "request"), service.capabilities());
    }

    @Override
    public String toString() {
        return "DefaultingVideoJobs[" + defaults + " over " + service + "]";
    }
}
