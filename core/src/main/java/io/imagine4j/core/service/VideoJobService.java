package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.CapabilityCheck;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.in.DownloadListener;
import io.imagine4j.core.port.in.DownloadedVideo;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.PushListener;
import io.imagine4j.core.port.out.Scheduler;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.store.InMemoryJobStore;
import io.imagine4j.core.time.SystemScheduler;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;

/**
 * The application service behind {@link VideoJobs}: checks requests, records jobs before their
 * submit, submits without ever paying twice, follows jobs by polling on a shared scheduler (or by
 * push where the provider offers it), and downloads results safely.
 *
 * <pre>{@code
 * try (VideoJobs jobs = VideoJobService.builder(XaiVideo.fromEnvironment())
 *         .store(FileJobStore.in(dir))
 *         .listener(event -> log.info("{}", event))
 *         .build()) {
 *     jobs.resume();                                   // pick up what a crash left running
 *     VideoJob job = jobs.submit(VideoRequest.textToVideo("A red fox running through snow"));
 *     job.await(Duration.ofMinutes(10)).peek(video -> jobs.download(video, Path.of("fox.mp4")));
 * }
 * }</pre>
 */
public final class VideoJobService implements VideoJobs {

    private static final System.Logger LOG = System.getLogger(VideoJobService.class.getName());

    private final VideoProvider provider;
    private final ProviderCapabilities capabilities;
    private final JobStore store;
    private final Scheduler scheduler;
    private final boolean ownsScheduler;
    private final ServiceSettings settings;
    private final List<JobListener> listeners;
    private final DoubleSupplier random;
    private final Map<SubmissionKey, TrackedJob> inFlight = new ConcurrentHashMap<>();
    private final Map<JobId, TrackedJob> byJobId = new ConcurrentHashMap<>();
    private final ResultDownload downloads;
    private final Option<JobEventSource.Subscription> push;
    private volatile boolean pushConnected;
    private volatile boolean closed;

    private VideoJobService(Builder builder) {
        this.provider = builder.provider;
        this.capabilities = provider.capabilities();
        this.store = builder.store;
        this.ownsScheduler = builder.scheduler == null;
        this.scheduler = ownsScheduler ? SystemScheduler.withThreads(builder.threads) : builder.scheduler;
        this.settings = builder.settings;
        this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
        Random jitter = builder.random;
        this.random = () -> {
            synchronized (jitter) {
                return jitter.nextDouble();
            }
        };
        this.downloads = new ResultDownload(provider, scheduler, settings, random);
        // Subscribe before any submit: pushed events are not replayed.
        this.push = provider.eventSource().map(source -> source.subscribe(new Push()));
    }

    /** Starts building a service on {@code provider}. */
    public static Builder builder(VideoProvider provider) {
        return new Builder(provider);
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public Validation<Seq<Violation>, VideoRequest> validate(VideoRequest request) {
        return CapabilityCheck.check(request, capabilities);
    }

    @Override
    public VideoJob submit(VideoRequest request) {
        requireOpen();
        VideoRequest checked = CapabilityCheck.require(request, capabilities);
        JobRecord record = JobRecord.beforeSubmit(SubmissionKey.random(), provider.name(), checked, now());
        store.save(record); // before the submit: a crash from here on leaves a record to resume
        TrackedJob job = track(record);
        job.emit(new JobEvent.Created(record.ref(), record.createdAt()));
        job.schedule(Duration.ZERO, () -> submitOnce(job, checked));
        return job;
    }

    @Override
    public Option<VideoJob> find(SubmissionKey key) {
        TrackedJob known = inFlight.get(key);
        if (known != null) {
            return Option.some(known);
        }
        return store.find(key).map(this::follow);
    }

    @Override
    public Option<VideoJob> find(JobId jobId) {
        TrackedJob known = byJobId.get(jobId);
        if (known != null) {
            return Option.some(known);
        }
        return store.findByJobId(jobId).map(this::follow);
    }

    @Override
    public VideoJob watch(JobId jobId) {
        requireOpen();
        requireOwn(jobId);
        return find(jobId).getOrElse(() -> {
            Instant now = now();
            JobRecord record = new JobRecord(SubmissionKey.random(), jobId.provider(), Option.none(), Option.none(),
                    Option.some(jobId), JobState.initial(now), now);
            store.save(record);
            return follow(record);
        });
    }

    @Override
    public Either<JobFailure, JobUpdate> check(JobId jobId) {
        requireOwn(jobId);
        return pollSafely(jobId).map(update -> update.forJob(jobId));
    }

    @Override
    public Either<JobFailure, JobState> cancel(JobId jobId) {
        requireOwn(jobId);
        if (!capabilities.supports(ProviderFeature.CANCEL)) {
            throw UnsupportedCapabilityException.operation(provider.name(), "cancel", "let the job run to its end");
        }
        Either<JobFailure, JobUpdate> answer = provider.cancel(jobId).map(update -> update.forJob(jobId));
        if (answer.isLeft()) {
            return Either.left(answer.getLeft().jobId().isDefined() ? answer.getLeft() : answer.getLeft().withJobId(jobId));
        }
        JobUpdate update = answer.get();
        TrackedJob job = byJobId.get(jobId);
        if (job == null) {
            return Either.right(new JobState(update.status(), update.progress(), update.rawStatus(), update.result(),
                    update.failure(), now()));
        }
        job.apply(update);
        return Either.right(job.state());
    }

    @Override
    public List<VideoJob> resume() {
        requireOpen();
        List<VideoJob> resumed = new ArrayList<>();
        for (JobRecord record : store.unfinished()) {
            if (record.provider().equals(provider.name())) { // a store may hold several providers' jobs
                resumed.add(follow(record));
            }
        }
        return resumed;
    }

    @Override
    public Either<JobFailure, DownloadedVideo> download(GeneratedVideo video, Path target, DownloadListener listener) {
        return downloads.download(video, target, listener);
    }

    /** Adds a listener for the events of every job. */
    public void addListener(JobListener listener) {
        listeners.add(listener);
    }

    /** How many jobs this process is following right now. */
    public int inFlight() {
        return inFlight.size();
    }

    @Override
    public void close() {
        closed = true;
        push.forEach(JobEventSource.Subscription::close);
        if (ownsScheduler) {
            scheduler.close();
        }
    }

    // ---- used by TrackedJob ----

    Instant now() {
        return scheduler.now();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    JobStore store() {
        return store;
    }

    void publish(JobEvent event, List<JobListener> jobListeners) {
        for (JobListener listener : listeners) {
            deliver(listener, event);
        }
        for (JobListener listener : jobListeners) {
            deliver(listener, event);
        }
    }

    void finished(TrackedJob job) {
        inFlight.remove(job.key());
        job.jobId().forEach(byJobId::remove);
    }

    // ---- following jobs ----

    private TrackedJob track(JobRecord record) {
        TrackedJob job = new TrackedJob(this, record);
        if (!record.isFinished()) {
            TrackedJob earlier = inFlight.putIfAbsent(record.key(), job);
            if (earlier != null) {
                return earlier;
            }
            record.jobId().forEach(id -> byJobId.put(id, job));
        }
        return job;
    }

    /** A handle on a stored job; an unfinished one is followed from now on. */
    private TrackedJob follow(JobRecord record) {
        TrackedJob known = inFlight.get(record.key());
        if (known != null) {
            return known;
        }
        TrackedJob job = track(record);
        if (job.isFinished() || job != inFlight.get(record.key())) {
            return job;
        }
        job.emit(new JobEvent.Resumed(record.ref(), now()));
        if (record.jobId().isDefined()) {
            job.schedule(Duration.ZERO, () -> poll(job));
        } else if (record.request().isDefined() && capabilities.supports(ProviderFeature.IDEMPOTENT_SUBMIT)) {
            VideoRequest request = record.request().get();
            job.schedule(Duration.ZERO, () -> submitOnce(job, request));
        } else {
            job.fail(JobFailure.of(FailureKind.SUBMISSION_OUTCOME_UNKNOWN, "interrupted_submit",
                    "imagine4j stopped before " + provider.name() + " acknowledged the submit of job " + record.key()
                            + ", so whether the job started is unknown. It was not sent again, to avoid paying twice:"
                            + " look for it in the provider's console before submitting it again."));
        }
        return job;
    }

    private void submitOnce(TrackedJob job, VideoRequest request) {
        if (job.isFinished()) {
            return;
        }
        int attempt = job.nextSubmitAttempt();
        SubmitOutcome outcome;
        try {
            outcome = provider.submit(new Submission(job.key(), request));
        } catch (RuntimeException e) {
            // The adapter broke its contract; whether it sent anything is unknown.
            outcome = new SubmitOutcome.Ambiguous(JobFailure.of(FailureKind.PROTOCOL, "adapter_error",
                    provider.name() + " adapter failed: " + e.getClass().getSimpleName()));
        }
        if (outcome instanceof SubmitOutcome.Accepted accepted) {
            byJobId.put(accepted.jobId(), job);
            job.accept(accepted.jobId(), attempt);
            if (!job.apply(accepted.initial())) {
                schedulePoll(job, accepted.initial().pollAfter());
            }
        } else if (outcome instanceof SubmitOutcome.Refused refused) {
            JobFailure failure = refused.failure();
            boolean retryable = failure.kind() == FailureKind.RATE_LIMITED || failure.kind() == FailureKind.UNAVAILABLE;
            retryOrFail(job, request, attempt, failure, retryable, failure);
        } else {
            JobFailure cause = ((SubmitOutcome.Ambiguous) outcome).cause();
            boolean retryable = capabilities.supports(ProviderFeature.IDEMPOTENT_SUBMIT);
            retryOrFail(job, request, attempt, cause, retryable, JobFailure.of(FailureKind.SUBMISSION_OUTCOME_UNKNOWN,
                    cause.code(), "The submit of job " + job.key() + " to " + provider.name()
                            + " may have reached it before failing (" + cause.message() + "). It was not sent again,"
                            + " to avoid paying twice: look for the job in the provider's console before submitting again."));
        }
    }

    private void retryOrFail(TrackedJob job, VideoRequest request, int attempt, JobFailure cause, boolean retryable,
            JobFailure finalFailure) {
        Duration wait = cause.retryAfter().map(r -> r.delay())
                .getOrElse(() -> settings.submitBackoff().delay(attempt - 1, random));
        boolean inTime = now().plus(wait).isBefore(job.record().createdAt().plus(settings.watchTimeout()));
        if (retryable && attempt < settings.maxSubmitAttempts() && inTime) {
            job.emit(new JobEvent.SubmitRetrying(job.ref(), cause, attempt, wait, now()));
            job.schedule(wait, () -> submitOnce(job, request));
        } else {
            job.fail(finalFailure);
        }
    }

    private void poll(TrackedJob job) {
        if (job.isFinished()) {
            return;
        }
        JobRecord record = job.record();
        JobId id = record.jobId().get();
        if (!now().isBefore(record.createdAt().plus(settings.watchTimeout()))) {
            job.fail(JobFailure.of(FailureKind.TIMEOUT, "watch_timeout", "imagine4j stopped following job " + id
                    + " after " + settings.watchTimeout() + " without an end; the provider may still finish it:"
                    + " check its status before submitting it again."));
            return;
        }
        job.countPoll();
        Either<JobFailure, JobUpdate> answer = pollSafely(id);
        if (answer.isRight()) {
            job.pollSucceeded();
            if (!job.apply(answer.get())) {
                schedulePoll(job, answer.get().pollAfter());
            }
            return;
        }
        JobFailure failure = answer.getLeft().jobId().isDefined() ? answer.getLeft() : answer.getLeft().withJobId(id);
        int failures = job.pollFailed();
        boolean retry = failure.kind().isTransient()
                && !(failure.kind() == FailureKind.PROTOCOL && failures >= settings.maxProtocolErrors());
        if (!retry) {
            job.fail(failure);
            return;
        }
        Duration wait = failure.retryAfter().map(r -> r.delay())
                .getOrElse(() -> settings.pollBackoff().delay(job.nextPollRound(), random));
        job.emit(new JobEvent.PollFailed(job.ref(), failure, failures, wait, now()));
        job.schedule(wait, () -> poll(job));
    }

    private void schedulePoll(TrackedJob job, Option<Duration> hint) {
        Duration wait = pushConnected
                ? settings.pushSafetyInterval()
                : hint.getOrElse(() -> settings.pollBackoff().delay(job.nextPollRound(), random));
        job.schedule(wait, () -> poll(job));
    }

    private Either<JobFailure, JobUpdate> pollSafely(JobId id) {
        try {
            return provider.poll(id);
        } catch (RuntimeException e) {
            return Either.left(JobFailure.of(FailureKind.PROTOCOL, "adapter_error",
                    provider.name() + " adapter failed while polling: " + e.getClass().getSimpleName()).withJobId(id));
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

    private static void deliver(JobListener listener, JobEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            // A listener's bug must not stop the job it listens to.
            LOG.log(System.Logger.Level.WARNING, "a job listener failed on " + event.getClass().getSimpleName(), e);
        }
    }

    /** Reacts to the provider's push channel. */
    private final class Push implements PushListener {
        @Override
        public void onConnected() {
            pushConnected = true;
            // Events sent while disconnected are lost: look at every open job once.
            for (TrackedJob job : inFlight.values()) {
                if (job.jobId().isDefined()) {
                    job.schedule(Duration.ZERO, () -> poll(job));
                }
            }
        }

        @Override
        public void onUpdate(JobId jobId, JobUpdate update) {
            TrackedJob job = byJobId.get(jobId);
            if (job != null) { // the stream carries every job of the account, not only ours
                job.apply(update);
            }
        }

        @Override
        public void onDisconnected(JobFailure reason) {
            pushConnected = false;
            for (TrackedJob job : inFlight.values()) {
                if (job.jobId().isDefined()) {
                    job.schedule(settings.pollBackoff().delay(job.nextPollRound(), random), () -> poll(job));
                }
            }
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

        public VideoJobService build() {
            return new VideoJobService(this);
        }
    }
}
