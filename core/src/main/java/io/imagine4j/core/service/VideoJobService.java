package io.imagine4j.core.service;

import io.imagine4j.core.cost.CostEstimate;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.CapabilityCheck;
import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.in.DownloadListener;
import io.imagine4j.core.port.in.DownloadedVideo;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.Scheduler;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.store.InMemoryJobStore;
import io.imagine4j.core.time.SystemScheduler;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * The application service behind {@link VideoJobs}: a façade that checks requests (once, against
 * the provider's capabilities merged with its run-time models), holds them to the budget, records
 * jobs before their submit, and hands them to the job driver, which submits without ever paying
 * twice and follows them by polling on a shared scheduler (or by push where the provider offers it).
 *
 * <pre>{@code
 * try (VideoJobs jobs = VideoJobService.builder(XaiVideo.fromEnvironment())
 *         .store(JdbcJobStore.sqlite(dir))
 *         .listener(event -> log.info("{}", event))
 *         .build()) {
 *     jobs.resume();                                   // pick up what a crash left running
 *     VideoJob job = jobs.submit(VideoRequest.textToVideo("A red fox running through snow"));
 *     job.await(Duration.ofMinutes(10)).peek(video -> jobs.download(video, Path.of("fox.mp4")));
 * }
 * }</pre>
 */
public final class VideoJobService implements VideoJobs {

    private final VideoProvider provider;
    private final JobStore store;
    private final Scheduler scheduler;
    private final boolean ownsScheduler;
    private final ModelCatalog catalog;
    private final Spending spending;
    private final InputResolution inputs;
    private final JobDriver driver;
    private final ResultDownload downloads;
    private final List<JobListener> listeners;
    private volatile boolean closed;

    private VideoJobService(Builder builder) {
        this.provider = builder.provider;
        this.store = builder.store;
        this.ownsScheduler = builder.scheduler == null;
        this.scheduler = ownsScheduler ? SystemScheduler.withThreads(builder.threads) : builder.scheduler;
        ServiceSettings settings = builder.settings;
        this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
        Random jitter = builder.random;
        DoubleSupplier random = () -> {
            synchronized (jitter) {
                return jitter.nextDouble();
            }
        };
        this.catalog = new ModelCatalog(provider, scheduler, settings.modelsCacheTime());
        this.spending = new Spending(provider.name(), provider.prices().overriddenBy(settings.prices()), settings.budget());
        this.driver = new JobDriver(provider, store, scheduler, settings, listeners, random, spending, builder.instance);
        this.inputs = new InputResolution(id -> driver.find(id).map(TrackedJob::state)
                .orElse(() -> store.findByJobId(id).map(JobRecord::state)));
        this.downloads = new ResultDownload(driver.calls(), scheduler, settings, random);
        driver.leases().startTakeover(provider.name());
    }

    /** Starts building a service on {@code provider}. */
    public static Builder builder(VideoProvider provider) {
        return new Builder(provider);
    }

    @Override
    public ProviderCapabilities capabilities() {
        return catalog.current();
    }

    @Override
    public Validation<Seq<Violation>, CheckedRequest> validate(VideoRequest request) {
        return inputs.resolve(request).flatMap(resolved -> CapabilityCheck.check(resolved, catalog.forRequest(resolved)));
    }

    @Override
    public VideoJob submit(VideoRequest request, JobListener listener) {
        requireOpen();
        Objects.requireNonNull(listener, "listener");
        Validation<Seq<Violation>, CheckedRequest> valid = validate(request);
        if (valid.isInvalid()) {
            throw CapabilityCheck.failure(provider.name(), valid.getError());
        }
        CheckedRequest checked = valid.get();
        SubmissionKey submission = SubmissionKey.random();
        spending.reserve(submission, checked);
        try {
            return driver.submit(submission, checked, listener).get(0);
        } catch (RuntimeException e) {
            spending.release(submission); // not recorded, so not sent
            throw e;
        }
    }

    @Override
    public Either<String, CostEstimate> estimate(VideoRequest request) {
        return validate(request).toEither().mapLeft(violations -> "the request is invalid: " + violations.mkString("; "))
                .flatMap(spending::estimate);
    }

    /**
     * The job with this key: followed here already, or found in the store; an unfinished stored job
     * is followed from now on if no other live instance holds it, else shown as the store has it.
     */
    @Override
    public Option<VideoJob> find(SubmissionKey key) {
        return driver.find(key).<VideoJob>map(job -> job).orElse(() -> store.find(key).map(this::adopt));
    }

    @Override
    public Option<VideoJob> find(JobId jobId) {
        return driver.find(jobId).<VideoJob>map(job -> job).orElse(() -> store.findByJobId(jobId).map(this::adopt));
    }

    private VideoJob adopt(JobRecord stored) {
        if (stored.isFinished() || closed) {
            return driver.followedElsewhere(stored);
        }
        return driver.leases().claim(stored.key()).<VideoJob>map(driver::follow)
                .getOrElse(() -> driver.followedElsewhere(stored));
    }

    @Override
    public VideoJob watch(JobId jobId) {
        requireOpen();
        requireOwn(jobId);
        return find(jobId).getOrElse(() -> {
            JobRecord record = JobRecord.watched(jobId, scheduler.now());
            driver.leases().saveHeld(record);
            return driver.follow(record);
        });
    }

    @Override
    public Either<JobFailure, JobUpdate> check(JobId jobId) {
        requireOwn(jobId);
        return driver.calls().poll(jobId);
    }

    @Override
    public Either<JobFailure, JobState> cancel(JobId jobId) {
        requireOwn(jobId);
        require(ProviderFeature.CANCEL, "cancel", "let the job run to its end");
        return driver.cancel(jobId);
    }

    @Override
    public List<VideoJob> resume() {
        requireOpen();
        List<VideoJob> resumed = new ArrayList<>();
        for (JobRecord record : driver.leases().claim(provider.name(), Integer.MAX_VALUE)) {
            resumed.add(driver.follow(record));
        }
        return resumed;
    }

    @Override
    public Either<JobFailure, DownloadedVideo> download(GeneratedVideo video, ContentVariant variant, Path target,
            DownloadListener listener) {
        if (!catalog.current().serves(variant)) {
            throw UnsupportedCapabilityException.operation(provider.name(), variant.label() + " download",
                    "download the video and take a frame from it yourself");
        }
        return downloads.download(video, variant, target, listener);
    }

    @Override
    public Stream<JobSummary> list(JobQuery query) {
        require(ProviderFeature.LIST, "list", "keep the ids of your jobs: the job store lists them");
        return ProviderJobList.of(provider, query);
    }

    @Override
    public Either<JobFailure, JobId> delete(JobId jobId) {
        requireOwn(jobId);
        require(ProviderFeature.DELETE, "delete", "results expire at the provider on their own");
        return driver.calls().delete(jobId);
    }

    @Override
    public Either<JobFailure, List<ModelInfo>> models() {
        return catalog.models();
    }

    /** Adds a listener for the events of every job. */
    public void addListener(JobListener listener) {
        listeners.add(listener);
    }

    /** How many jobs this process is following right now. */
    public int inFlight() {
        return driver.following().size();
    }

    /** Stops following jobs and gives up their leases (they stay resumable); stops the service's own threads. */
    @Override
    public void close() {
        closed = true;
        driver.close();
        if (ownsScheduler) {
            scheduler.close();
        }
    }

    private void require(ProviderFeature feature, String operation, String wayOut) {
        if (!provider.capabilities().supports(feature)) {
            throw UnsupportedCapabilityException.operation(provider.name(), operation, wayOut);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This VideoJobs service is closed; build a new one to submit or follow jobs"
                    + " (jobs in its store can be resumed).");
        }
    }

    private void requireOwn(JobId jobId) {
        if (!jobId.provider().equals(provider.name())) {
            throw new IllegalArgumentException("Job " + jobId + " belongs to provider '" + jobId.provider()
                    + "', but this service runs on '" + provider.name() + "'; use a service built on that provider.");
        }
    }

    /** Builds a {@link VideoJobService}. */
    public static final class Builder {
        private final VideoProvider provider;
        private JobStore store = new InMemoryJobStore();
        private Scheduler scheduler;
        private int threads = 4;
        private ServiceSettings settings = ServiceSettings.defaults();
        private final List<JobListener> listeners = new ArrayList<>();
        private Random random = new Random();
        private String instance = "imagine4j-" + UUID.randomUUID();

        private Builder(VideoProvider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
        }

        /** Where jobs are recorded; in memory unless given. */
        public Builder store(JobStore value) {
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** A scheduler to share (the caller closes it); by default the service owns a pool of {@link #threads}. */
        public Builder scheduler(Scheduler value) {
            scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /** Threads of the service's own scheduler; 4 unless given. */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + count);
            }
            threads = count;
            return this;
        }

        public Builder settings(ServiceSettings value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** Receives the events of every job. */
        public Builder listener(JobListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The source of jitter; seed it for repeatable tests. */
        public Builder random(Random value) {
            random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * This instance's name in a shared store's leases (a host and process name helps operators);
         * random unless given. Never put a secret in it.
         */
        public Builder instance(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("An instance name must not be blank");
            }
            instance = name;
            return this;
        }

        public VideoJobService build() {
            return new VideoJobService(this);
        }
    }
}
