package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.SampleCapabilities;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.PushListener;
import io.imagine4j.core.port.out.Scheduler;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A provider for the service's own tests: jobs run for {@link #processing} of scheduler time
 * (queued, then running with progress, then done), and any call can be scripted to answer
 * something else first. Records every call and the threads it ran on.
 */
class ScriptedProvider implements VideoProvider {

    static final String NAME = "scripted";

    private final Scheduler time;
    private final ProviderCapabilities capabilities;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, List<JobId>> byKey = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final Deque<Function<Submission, SubmitOutcome>> submits = new ArrayDeque<>();
    private final Deque<Either<JobFailure, JobUpdate>> polls = new ArrayDeque<>();
    private final Deque<Function<Long, Either<JobFailure, VideoContent>>> contents = new ArrayDeque<>();
    private final List<Submission> submitted = new ArrayList<>();
    private final List<Instant> pollTimes = new ArrayList<>();
    private final List<Long> contentOffsets = new ArrayList<>();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger pollCount = new AtomicInteger();
    private final Push push = new Push();

    Duration processing = Duration.ofSeconds(3);
    Duration resultLength = Duration.ofSeconds(8);
    /** What the model list answers, with MODEL_DISCOVERY; a Left when the endpoint is missing. */
    Either<JobFailure, List<ModelInfo>> discovered = Either.right(List.of());
    private final AtomicInteger modelCalls = new AtomicInteger();
    byte[] content = "0123456789".repeat(1_000).getBytes();

    ScriptedProvider(Scheduler time, ProviderFeature... features) {
        this.time = time;
        ProviderCapabilities sample = SampleCapabilities.xaiLike();
        ProviderCapabilities.Builder builder = ProviderCapabilities.builder(NAME).features(features);
        for (ModelCapabilities model : sample.models().values()) {
            builder.model(model);
        }
        this.capabilities = builder.build();
    }

    // ---- scripting ----

    synchronized ScriptedProvider thenSubmit(Function<Submission, SubmitOutcome> answer) {
        submits.add(answer);
        return this;
    }

    /** The next submit is refused, starting nothing. */
    ScriptedProvider refuseNextSubmit(JobFailure failure) {
        return thenSubmit(submission -> new SubmitOutcome.Refused(failure));
    }

    /** The next submit starts a job at the backend, but the answer is lost. */
    ScriptedProvider loseNextSubmitAnswer(JobFailure cause) {
        return thenSubmit(submission -> {
            create(submission);
            return new SubmitOutcome.Ambiguous(cause);
        });
    }

    synchronized ScriptedProvider thenPoll(Either<JobFailure, JobUpdate> answer) {
        polls.add(answer);
        return this;
    }

    synchronized ScriptedProvider thenContent(Function<Long, Either<JobFailure, VideoContent>> answer) {
        contents.add(answer);
        return this;
    }

    // ---- what happened ----

    synchronized List<Submission> submitted() {
        return List.copyOf(submitted);
    }

    /** Jobs the backend actually started (and would bill). */
    int jobsStarted() {
        return started.size();
    }

    synchronized List<Instant> pollTimes() {
        return List.copyOf(pollTimes);
    }

    int polls() {
        return pollCount.get();
    }

    synchronized List<Long> contentOffsets() {
        return List.copyOf(contentOffsets);
    }

    Set<String> threads() {
        return Set.copyOf(threads);
    }

    Push push() {
        return push;
    }

    int modelCalls() {
        return modelCalls.get();
    }

    // ---- the port ----

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public SubmitOutcome submit(Submission submission) {
        threads.add(Thread.currentThread().getName());
        Function<Submission, SubmitOutcome> scripted;
        synchronized (this) {
            submitted.add(submission);
            scripted = submits.poll();
        }
        if (scripted != null) {
            return scripted.apply(submission);
        }
        return new SubmitOutcome.Accepted(create(submission), JobUpdate.queued("queued"));
    }

    /** One job per generation asked for. */
    private List<JobId> create(Submission submission) {
        if (capabilities.supports(ProviderFeature.IDEMPOTENT_SUBMIT)) {
            List<JobId> known = byKey.get(submission.key().value());
            if (known != null) {
                return known;
            }
        }
        List<JobId> created = new ArrayList<>();
        for (int i = 0; i < submission.request().options().generationCount(); i++) {
            String id = "job-" + ids.incrementAndGet();
            started.put(id, time.now());
            created.add(JobId.of(NAME, id));
        }
        byKey.put(submission.key().value(), created);
        return created;
    }

    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        threads.add(Thread.currentThread().getName());
        pollCount.incrementAndGet();
        Either<JobFailure, JobUpdate> scripted;
        synchronized (this) {
            pollTimes.add(time.now());
            scripted = polls.poll();
        }
        if (scripted != null) {
            return scripted;
        }
        return Either.right(stateOf(jobId));
    }

    JobUpdate stateOf(JobId jobId) {
        Instant start = started.get(jobId.value());
        if (start == null) {
            return JobUpdate.failed(JobFailure.of(FailureKind.NOT_FOUND, "404", "unknown"), "");
        }
        if (cancelled.contains(jobId.value())) {
            return JobUpdate.cancelled("cancelled");
        }
        Duration elapsed = Duration.between(start, time.now());
        if (elapsed.compareTo(processing) >= 0) {
            return JobUpdate.succeeded(GeneratedVideo.at(jobId, URI.create("https://results.example/" + jobId.value() + ".mp4"))
                    .withDuration(resultLength), "done");
        }
        if (elapsed.compareTo(processing.dividedBy(3)) < 0) {
            return JobUpdate.queued("queued");
        }
        return JobUpdate.running("running").withProgress((int) (elapsed.toMillis() * 100 / processing.toMillis()));
    }

    @Override
    public Either<JobFailure, JobUpdate> cancel(JobId jobId) {
        if (!capabilities.supports(ProviderFeature.CANCEL)) {
            return VideoProvider.super.cancel(jobId);
        }
        cancelled.add(jobId.value());
        return Either.right(JobUpdate.cancelled("cancelled"));
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
        Function<Long, Either<JobFailure, VideoContent>> scripted;
        synchronized (this) {
            contentOffsets.add(offset);
            scripted = contents.poll();
        }
        if (scripted != null) {
            return scripted.apply(offset);
        }
        return Either.right(servedFrom(offset));
    }

    /** The content from {@code offset}, honouring the range. */
    VideoContent servedFrom(long offset) {
        return new VideoContent(new ByteArrayInputStream(content, (int) offset, content.length - (int) offset), offset,
                Option.some((long) content.length));
    }

    /** The content from {@code offset}, breaking off after {@code bytes} more. */
    VideoContent breakingAfter(long offset, int bytes) {
        InputStream body = new InputStream() {
            private int position = (int) offset;

            @Override
            public int read() throws IOException {
                if (position >= offset + bytes) {
                    throw new IOException("connection reset");
                }
                return position < content.length ? content[position++] & 0xFF : -1;
            }
        };
        return new VideoContent(body, offset, Option.some((long) content.length));
    }

    @Override
    public Either<JobFailure, List<ModelInfo>> models() {
        if (!capabilities.supports(ProviderFeature.MODEL_DISCOVERY)) {
            return VideoProvider.super.models();
        }
        modelCalls.incrementAndGet();
        return discovered;
    }

    @Override
    public Option<JobEventSource> eventSource() {
        return capabilities.supports(ProviderFeature.PUSH_EVENTS) ? Option.some(push) : Option.none();
    }

    /** A push channel the test drives by hand. */
    static final class Push implements JobEventSource {
        private volatile PushListener listener;
        private volatile boolean closed;

        @Override
        public Subscription subscribe(PushListener subscriber) {
            listener = subscriber;
            return () -> closed = true;
        }

        void connect() {
            listener.onConnected();
        }

        void send(JobId id, JobUpdate update) {
            listener.onUpdate(id, update);
        }

        void drop() {
            listener.onDisconnected(JobFailure.of(FailureKind.UNAVAILABLE, "dropped", "stream dropped"));
        }

        boolean subscribed() {
            return listener != null && !closed;
        }
    }
}
