package io.imagine4j.testkit.fake;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.cost.Price;
import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.scenario.BackendControl;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Directives;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.FaultPlan;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.scenario.Step;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-memory {@link VideoProvider} on a virtual clock, for application tests that run in
 * milliseconds. Jobs follow a {@link Scenario} (the next {@linkplain #enqueue enqueued} one, else
 * the {@link Directives} in the prompt, else {@link Scenario#succeeds()}), and the faults of the
 * shared vocabulary come out as the domain outcomes a careful adapter would report. Results are
 * real MP4 files of the right length.
 *
 * <p>Share the service's {@link VirtualScheduler} and the fake's jobs move with the service's time:
 * {@code VideoJob.await(Duration.ofMinutes(10))} returns as soon as the job ends, in virtual time.
 *
 * <pre>{@code
 * VirtualScheduler time = VirtualScheduler.create();
 * FakeVideoProvider fake = FakeVideoProvider.on(time);
 * try (VideoJobs jobs = VideoJobService.builder(fake).scheduler(time).build()) {
 *     fake.enqueue(Scenario.succeedsAfter(Duration.ofSeconds(40)));
 *     VideoJob job = jobs.submit(VideoRequest.textToVideo("A red fox running through snow"));
 *     GeneratedVideo video = job.await(Duration.ofMinutes(10)).get();  // no real waiting
 *     assertThat(fake.calls(Call.SUBMIT)).isEqualTo(1);
 * }
 * }</pre>
 *
 * <table>
 *   <caption>How faults are answered (F is the fake's provider name)</caption>
 *   <tr><th>fault</th><th>on SUBMIT</th><th>on POLL / CANCEL / CONTENT</th></tr>
 *   <tr><td>{@code RateLimited(d)}</td><td>{@code Refused} RATE_LIMITED, retry after d</td><td>Left RATE_LIMITED, retry after d</td></tr>
 *   <tr><td>{@code ServerError(503)}</td><td>{@code Refused} UNAVAILABLE</td><td>Left UNAVAILABLE</td></tr>
 *   <tr><td>{@code ServerError(other)}</td><td>the job is created, then {@code Ambiguous} (PROVIDER_ERROR)</td><td>Left PROVIDER_ERROR</td></tr>
 *   <tr><td>{@code ConnectionReset}</td><td>the job is created, then {@code Ambiguous}</td><td>Left UNAVAILABLE (a cancel still takes effect)</td></tr>
 *   <tr><td>{@code MalformedJson}</td><td>the job is created, then {@code Ambiguous} (PROTOCOL)</td><td>Left PROTOCOL</td></tr>
 *   <tr><td>{@code EmptyBody}</td><td>the job is created, then {@code Ambiguous} (PROTOCOL)</td><td>POLL: the pending status without progress; others: Left PROTOCOL</td></tr>
 *   <tr><td>{@code Unauthorized}</td><td>{@code Refused} AUTHENTICATION</td><td>Left AUTHENTICATION</td></tr>
 *   <tr><td>{@code BadRequest(m)}</td><td>{@code Refused} INVALID_REQUEST</td><td>Left INVALID_REQUEST</td></tr>
 *   <tr><td>{@code NotFound}</td><td>{@code Refused} NOT_FOUND</td><td>Left NOT_FOUND</td></tr>
 *   <tr><td>{@code ExpiredResult}</td><td>no effect</td><td>Left EXPIRED</td></tr>
 *   <tr><td>{@code NoAnswer}</td><td>the job is created, then {@code Ambiguous} (UNAVAILABLE, read timeout)</td><td>Left UNAVAILABLE</td></tr>
 *   <tr><td>{@code TruncatedJson}, {@code Garbage}, {@code WrongContentType}, {@code OversizedBody}</td><td>the job is created, then {@code Ambiguous} (PROTOCOL)</td><td>Left PROTOCOL</td></tr>
 *   <tr><td>{@code CrossOriginRedirect}</td><td>{@code Refused} PROTOCOL</td><td>Left PROTOCOL</td></tr>
 *   <tr><td>{@code SlowBody}, {@code StreamDrop}, {@code UnknownStatus}, {@code StatusBackwards}</td><td>no effect</td><td>no effect (virtual time: a slow body still arrives)</td></tr>
 * </table>
 * On {@link Call#EVENTS} (with {@link ProviderFeature#PUSH_EVENTS}), a {@code StreamDrop} cuts the
 * stream instead of delivering the next event, which is lost; the stream reconnects after
 * {@link Builder#reconnectDelay}. Any other fault refuses the next connection attempt. Faults set
 * with {@link #failNext} are used before a scenario's own; a scenario's {@code SUBMIT} faults apply
 * to each submit of its {@link SubmissionKey} until used up.
 *
 * <p>Outcomes: {@code Succeed} gives a {@link GeneratedVideo} at
 * {@code https://fake.invalid/F/videos/ID.mp4}, as long as asked (edits: the input's length read
 * from its MP4 header; extensions: the input plus the new segment), priced per second, served for
 * {@link Builder#resultLifetime} after the job ends; {@code Fail(code, message)} is FAILED with the
 * kind {@link FailureCodes#kindOf} gives; {@code Moderated} is FAILED with MODERATION; {@code Expire}
 * is EXPIRED. Raw statuses are {@code queued running succeeded failed expired cancelled}.
 *
 * <p>Safe for concurrent use: every call holds one lock; listeners are called outside it.
 */
public final class FakeVideoProvider implements VideoProvider, BackendControl {

    private final Object lock = new Object();
    private final ProviderCapabilities capabilities;
    private final VirtualScheduler clock;
    private final boolean ownsClock;
    private final Duration defaultLength;
    private final Duration defaultSegment;
    private final Duration resultLifetime;
    private final Option<BigDecimal> pricePerSecond;
    private final Option<FakeEventSource> events;
    private final List<String> discoverable;

    // Guarded by lock.
    private final Deque<Scenario> scripted = new ArrayDeque<>();
    private final PendingFaults faults = new PendingFaults();
    private final Map<JobId, SimulatedJob> jobs = new LinkedHashMap<>();
    private final Map<SubmissionKey, List<SimulatedJob>> byKey = new HashMap<>();
    private final Map<SubmissionKey, RefusedSubmission> refused = new HashMap<>();
    private final Map<Call, Integer> counts = new EnumMap<>(Call.class);
    private final List<RecordedCall> journal = new ArrayList<>();
    private final List<Submission> submissions = new ArrayList<>();
    private long sequence;

    private FakeVideoProvider(Builder builder) {
        ProviderCapabilities base = builder.capabilities == null
                ? FakeCapabilities.standard(FakeCapabilities.PROVIDER, ProviderFeature.CANCEL) : builder.capabilities;
        this.capabilities = builder.features == null ? base
                : FakeCapabilities.withFeatures(base, builder.features.toArray(new ProviderFeature[0]));
        this.ownsClock = builder.clock == null;
        this.clock = ownsClock ? VirtualScheduler.create() : builder.clock;
        this.defaultLength = builder.defaultLength;
        this.defaultSegment = builder.defaultSegment;
        this.resultLifetime = builder.resultLifetime;
        this.pricePerSecond = builder.pricePerSecond;
        this.discoverable = builder.discoverable;
        this.events = capabilities.supports(ProviderFeature.PUSH_EVENTS)
                ? Option.some(new FakeEventSource(capabilities.provider(), clock, builder.reconnectDelay, new StreamBackend()))
                : Option.none();
    }

    /** A fake on its own virtual clock, with the {@linkplain FakeCapabilities standard capabilities} and CANCEL. */
    public static FakeVideoProvider create() {
        return builder().build();
    }

    /** A fake whose jobs run on {@code clock}, the virtual scheduler the service under test uses. */
    public static FakeVideoProvider on(VirtualScheduler clock) {
        return builder().clock(clock).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- VideoProvider ----

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public SubmitOutcome submit(Submission submission) {
        VideoRequest checked = submission.request(); // a Submission holds a checked request: no second check
        synchronized (lock) {
            Instant now = clock.now();
            count(Call.SUBMIT);
            submissions.add(submission);
            SubmissionKey key = submission.key();
            List<SimulatedJob> known = capabilities.supports(ProviderFeature.IDEMPOTENT_SUBMIT) ? byKey.get(key) : null;
            RefusedSubmission pending = null;
            if (known == null) {
                pending = refused.get(key);
                if (pending == null) {
                    Either<JobFailure, Scenario> scenario = nextScenario(checked).flatMap(s -> chainable(checked).map(ok -> s));
                    if (scenario.isLeft()) {
                        journal.add(new RecordedCall(Call.SUBMIT, now, Option.none(), Option.none()));
                        return new SubmitOutcome.Refused(scenario.getLeft());
                    }
                    pending = new RefusedSubmission(scenario.get());
                }
            }
            RefusedSubmission own = pending;
            Option<Fault> fault = faults.take(Call.SUBMIT)
                    .orElse(() -> own == null ? Option.none() : own.faults.take(Call.SUBMIT));
            FaultAnswers.SubmitEffect effect = fault.map(FaultAnswers::submitEffect).getOrElse(FaultAnswers.SubmitEffect.ACCEPT);
            if (effect == FaultAnswers.SubmitEffect.REFUSE) {
                if (pending != null) {
                    refused.put(key, pending);
                }
                journal.add(new RecordedCall(Call.SUBMIT, now, Option.none(), fault));
                return new SubmitOutcome.Refused(FaultAnswers.failure(fault.get(), name()).get());
            }
            List<SimulatedJob> started = known != null ? known : create(key, checked, pending.scenario, now);
            journal.add(new RecordedCall(Call.SUBMIT, now, Option.some(started.get(0).id()), fault));
            if (effect == FaultAnswers.SubmitEffect.CREATE_THEN_AMBIGUOUS) {
                return new SubmitOutcome.Ambiguous(FaultAnswers.ambiguity(fault.get(), name()));
            }
            return new SubmitOutcome.Accepted(started.stream().map(SimulatedJob::id).toList(), started.get(0).updateAt(now));
        }
    }

    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        synchronized (lock) {
            Instant now = clock.now();
            count(Call.POLL);
            SimulatedJob job = jobs.get(jobId);
            Option<Fault> fault = takeFault(Call.POLL, job);
            journal.add(new RecordedCall(Call.POLL, now, Option.some(jobId), fault));
            if (fault.isDefined()) {
                if (fault.get() instanceof Fault.EmptyBody && job != null) {
                    return Either.right(job.pendingWithoutProgressAt(now));
                }
                Option<JobFailure> failure = FaultAnswers.failure(fault.get(), name());
                if (failure.isDefined()) {
                    return Either.left(failure.get().withJobId(jobId));
                }
            }
            if (job == null) {
                return Either.left(notFound(jobId));
            }
            return Either.right(job.updateAt(now));
        }
    }

    @Override
    public Either<JobFailure, JobUpdate> cancel(JobId jobId) {
        if (!capabilities.supports(ProviderFeature.CANCEL)) {
            throw UnsupportedCapabilityException.operation(name(), "cancel", "let the job run to its end");
        }
        synchronized (lock) {
            Instant now = clock.now();
            count(Call.CANCEL);
            SimulatedJob job = jobs.get(jobId);
            Option<Fault> fault = takeFault(Call.CANCEL, job);
            journal.add(new RecordedCall(Call.CANCEL, now, Option.some(jobId), fault));
            if (fault.isDefined()) {
                Fault happened = fault.get();
                // These arrive after the backend acted: the cancel took effect, only its answer was lost.
                boolean arrived = happened instanceof Fault.ConnectionReset || happened instanceof Fault.MalformedJson
                        || happened instanceof Fault.EmptyBody;
                if (arrived && job != null) {
                    job.cancel(now);
                }
                Option<JobFailure> failure = FaultAnswers.failure(happened, name());
                if (failure.isDefined()) {
                    return Either.left(failure.get().withJobId(jobId));
                }
            }
            if (job == null) {
                return Either.left(notFound(jobId));
            }
            return Either.right(job.cancel(now));
        }
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
        return openContent(video, ContentVariant.VIDEO, offset);
    }

    /** The video, or a preview: a PNG thumbnail or a JPEG spritesheet, when the capabilities serve them. */
    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, ContentVariant variant, long offset) {
        if (!capabilities.serves(variant)) {
            return VideoProvider.super.openContent(video, variant, offset); // the typed refusal
        }
        Duration length;
        synchronized (lock) {
            Instant now = clock.now();
            count(Call.CONTENT);
            SimulatedJob job = jobs.get(video.jobId());
            Option<Fault> fault = takeFault(Call.CONTENT, job);
            journal.add(new RecordedCall(Call.CONTENT, now, Option.some(video.jobId()), fault));
            Option<JobFailure> failure = fault.flatMap(f -> FaultAnswers.failure(f, name()));
            if (failure.isDefined()) {
                return Either.left(failure.get().withJobId(video.jobId()));
            }
            if (job == null || !job.video().location().equals(video.location())
                    || job.updateAt(now).status() != JobStatus.SUCCEEDED) {
                return Either.left(JobFailure.of(FailureKind.NOT_FOUND, "not_found", name() + " has no result at "
                        + video.displayLocation() + ".").withJobId(video.jobId()));
            }
            if (job.video().expiresAt().exists(end -> !now.isBefore(end))) {
                return Either.left(JobFailure.of(FailureKind.EXPIRED, "result_expired", "The result of job "
                        + video.jobId() + " expired at " + job.video().expiresAt().get()
                        + "; submit the job again to get a new one.").withJobId(video.jobId()));
            }
            length = job.video().duration().get();
        }
        // Encoded outside the lock: the first time costs real time.
        byte[] bytes = variant == ContentVariant.VIDEO ? SampleMp4.of(length)
                : PreviewImages.of(variant, video.jobId().value().hashCode());
        if (offset < 0 || offset > bytes.length) {
            return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "range_not_satisfiable", "The result of job "
                    + video.jobId() + " has " + bytes.length + " bytes; it cannot be read from byte " + offset + ".")
                    .withJobId(video.jobId()));
        }
        return Either.right(new VideoContent(new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset),
                offset, Option.some((long) bytes.length)));
    }

    @Override
    public Option<JobEventSource> eventSource() {
        return Option.narrow(events);
    }

    /** The fake's jobs, newest first; the cursor of a page is its last job's id. Needs {@link ProviderFeature#LIST}. */
    @Override
    public Either<JobFailure, JobPage> list(JobQuery query) {
        if (!capabilities.supports(ProviderFeature.LIST)) {
            return VideoProvider.super.list(query);
        }
        synchronized (lock) {
            Instant now = clock.now();
            count(Call.LIST);
            Option<Fault> fault = faults.take(Call.LIST);
            journal.add(new RecordedCall(Call.LIST, now, Option.none(), fault));
            Option<JobFailure> failure = fault.flatMap(f -> FaultAnswers.failure(f, name()));
            if (failure.isDefined()) {
                return Either.left(failure.get());
            }
            List<SimulatedJob> newestFirst = new ArrayList<>(jobs.values());
            java.util.Collections.reverse(newestFirst);
            int start = 0;
            if (query.after().isDefined()) {
                JobId after = JobId.of(name(), query.after().get());
                start = newestFirst.stream().map(SimulatedJob::id).toList().indexOf(after) + 1;
            }
            List<JobSummary> page = new ArrayList<>();
            int index = start;
            for (; index < newestFirst.size() && page.size() < query.pageSize(); index++) {
                SimulatedJob job = newestFirst.get(index);
                JobUpdate update = job.updateAt(now);
                if (query.status().forAll(status -> status == update.status())
                        && query.model().forAll(model -> job.request().options().model().contains(model))) {
                    page.add(new JobSummary(job.id(), update.status(), update.rawStatus(), update.progress(),
                            job.request().options().model(), Option.some(job.request().prompt()), Option.some(job.submittedAt())));
                }
            }
            Option<String> next = index < newestFirst.size() && !page.isEmpty()
                    ? Option.some(page.get(page.size() - 1).jobId().value()) : Option.none();
            return Either.right(new JobPage(page, next));
        }
    }

    /** Forgets the job and its result: later polls and downloads answer NOT_FOUND. Needs {@link ProviderFeature#DELETE}. */
    @Override
    public Either<JobFailure, JobId> delete(JobId jobId) {
        if (!capabilities.supports(ProviderFeature.DELETE)) {
            return VideoProvider.super.delete(jobId);
        }
        synchronized (lock) {
            count(Call.DELETE);
            SimulatedJob job = jobs.get(jobId);
            Option<Fault> fault = takeFault(Call.DELETE, job);
            journal.add(new RecordedCall(Call.DELETE, clock.now(), Option.some(jobId), fault));
            Option<JobFailure> failure = fault.flatMap(f -> FaultAnswers.failure(f, name()));
            if (failure.isDefined()) {
                return Either.left(failure.get().withJobId(jobId));
            }
            if (job == null) {
                return Either.left(notFound(jobId));
            }
            jobs.remove(jobId);
            return Either.right(jobId);
        }
    }

    /**
     * The capabilities' models, and the {@linkplain Builder#discoverable extra ids} only discovery
     * knows. Needs {@link ProviderFeature#MODEL_DISCOVERY}.
     */
    @Override
    public Either<JobFailure, List<ModelInfo>> models() {
        if (!capabilities.supports(ProviderFeature.MODEL_DISCOVERY)) {
            return VideoProvider.super.models();
        }
        synchronized (lock) {
            count(Call.MODELS);
            Option<Fault> fault = faults.take(Call.MODELS);
            journal.add(new RecordedCall(Call.MODELS, clock.now(), Option.none(), fault));
            Option<JobFailure> failure = fault.flatMap(f -> FaultAnswers.failure(f, name()));
            if (failure.isDefined()) {
                return Either.left(failure.get());
            }
        }
        List<ModelInfo> models = new ArrayList<>();
        capabilities.models().values().forEach(model -> models.add(ModelInfo.named(model.model())
                .withKinds(model.supportedKinds()).withDetail("description", "a model of the fake")));
        discoverable.forEach(id -> models.add(ModelInfo.named(id).withDetail("description", "known to discovery only")));
        return Either.right(models);
    }

    /** The fake's own price per second for every model, when it charges one. */
    @Override
    public PriceTable prices() {
        return pricePerSecond.map(usd -> capabilities.models().keySet().stream()
                .map(model -> Price.perSecond(name(), model, usd, PRICES_AS_OF, "FakeVideoProvider.Builder.pricePerSecond"))
                .reduce(PriceTable.empty(), PriceTable::with, PriceTable::overriddenBy)).getOrElse(PriceTable.empty());
    }

    /** Closes the push subscriptions, and the clock when the fake made its own. */
    @Override
    public void close() {
        events.forEach(FakeEventSource::closeAll);
        if (ownsClock) {
            clock.close();
        }
    }

    // ---- BackendControl ----

    @Override
    public void enqueue(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        synchronized (lock) {
            scripted.addLast(scenario);
        }
    }

    @Override
    public void failNext(Call call, Fault fault, int times) {
        FaultPlan plan = new FaultPlan(call, fault, times);
        synchronized (lock) {
            faults.add(plan);
        }
    }

    /**
     * Moves the virtual clock forward, running what falls due on the way: the fake's pushed events
     * and, on a shared clock, the service's polls.
     */
    @Override
    public void advance(Duration delay) {
        clock.advance(delay);
    }

    @Override
    public int calls(Call call) {
        synchronized (lock) {
            return counts.getOrDefault(call, 0);
        }
    }

    /** Forgets scenarios, faults, jobs, counts and the journal; the clock and push subscriptions stay. */
    @Override
    public void reset() {
        synchronized (lock) {
            scripted.clear();
            faults.clear();
            jobs.clear();
            byKey.clear();
            refused.clear();
            counts.clear();
            journal.clear();
            submissions.clear();
        }
    }

    // ---- for assertions ----

    /** The fake's clock: build the service under test on it to share time. */
    public VirtualScheduler clock() {
        return clock;
    }

    public Instant now() {
        return clock.now();
    }

    /** Every job the fake created, in order, as they stand now (including jobs whose submit answered {@code Ambiguous}). */
    public List<FakeJob> jobs() {
        synchronized (lock) {
            Instant now = clock.now();
            return jobs.values().stream().map(job -> job.view(now)).toList();
        }
    }

    public Option<FakeJob> job(JobId jobId) {
        synchronized (lock) {
            return Option.of(jobs.get(jobId)).map(job -> job.view(clock.now()));
        }
    }

    /** Every submit that passed the capability check, in order of arrival, including refused ones. */
    public List<Submission> submissions() {
        synchronized (lock) {
            return List.copyOf(submissions);
        }
    }

    /** The requests of {@link #submissions()}, in order. */
    public List<VideoRequest> submittedRequests() {
        return submissions().stream().map(Submission::request).toList();
    }

    /** The prompts of {@link #submissions()}, in order. */
    public List<String> submittedPrompts() {
        return submittedRequests().stream().map(VideoRequest::prompt).toList();
    }

    /** Every call that arrived, in order. */
    public List<RecordedCall> journal() {
        synchronized (lock) {
            return List.copyOf(journal);
        }
    }

    /** How many push subscriptions are connected now; 0 without {@link ProviderFeature#PUSH_EVENTS}. */
    public int connectedSubscriptions() {
        return events.map(FakeEventSource::connected).getOrElse(0);
    }

    @Override
    public String toString() {
        return "FakeVideoProvider[" + name() + ", " + capabilities.features() + "]";
    }

    // ---- inside ----

    private Either<JobFailure, Scenario> nextScenario(VideoRequest request) {
        Scenario next = scripted.pollFirst();
        if (next != null) {
            return Either.right(next);
        }
        try {
            return Either.right(Directives.parse(request.prompt(), null));
        } catch (IllegalArgumentException unknown) {
            return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "invalid_directive", unknown.getMessage()));
        }
    }

    /** One job per generation asked for, all following the same scenario. */
    private List<SimulatedJob> create(SubmissionKey key, VideoRequest request, Scenario scenario, Instant now) {
        Duration length = ResultLength.of(request, defaultLength, defaultSegment, this::ownResultLength);
        List<SimulatedJob> started = new ArrayList<>();
        for (int generation = 0; generation < request.options().generationCount(); generation++) {
            JobId id = JobId.of(name(), String.format("job-%06d", ++sequence));
            GeneratedVideo video = GeneratedVideo.at(id, URI.create("https://fake.invalid/" + name() + "/videos/" + id.value() + ".mp4"))
                    .withDuration(length)
                    .withExpiresAt(now.plus(scenario.processingTime()).plus(resultLifetime));
            if (pricePerSecond.isDefined()) {
                video = video.withCostUsd(BigDecimal.valueOf(length.toMillis(), 3).multiply(pricePerSecond.get()).stripTrailingZeros());
            }
            SimulatedJob job = new SimulatedJob(id, key, request, scenario, now, video);
            jobs.put(id, job);
            started.add(job);
            events.forEach(source -> schedulePushes(job, source));
        }
        byKey.put(key, List.copyOf(started));
        refused.remove(key);
        return started;
    }

    /** The length of a previous result of this fake, looked up by its job when the service did not know it. */
    private Option<Duration> ownResultLength(JobId jobId) {
        return Option.of(jobs.get(jobId)).flatMap(job -> job.video().duration());
    }

    /**
     * A previous result given as an input must be one this fake can use: a finished video of its own,
     * or a resolved result of another provider (whose URL it could fetch).
     */
    private Either<JobFailure, Boolean> chainable(VideoRequest request) {
        Option<MediaSource.PreviousResult> previous = request.input()
                .filter(MediaSource.PreviousResult.class::isInstance).map(MediaSource.PreviousResult.class::cast);
        if (previous.isEmpty() || previous.get().isResolved() && !previous.get().jobId().provider().equals(name())) {
            return Either.right(true);
        }
        SimulatedJob source = jobs.get(previous.get().jobId());
        if (source == null) {
            return Either.left(JobFailure.of(FailureKind.NOT_FOUND, "not_found", name() + " does not know job "
                    + previous.get().jobId() + ", so its result cannot be an input."));
        }
        if (source.updateAt(clock.now()).status() != JobStatus.SUCCEEDED) {
            return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "source_not_ready", "Job "
                    + previous.get().jobId() + " has no result yet; wait for it to succeed before using it as an input."));
        }
        return Either.right(true);
    }

    /** One pushed event at each step of the job's life and at its end; each reports the job as it is then. */
    private void schedulePushes(SimulatedJob job, FakeEventSource source) {
        Duration end = job.scenario().processingTime();
        for (Step step : job.scenario().steps()) {
            if (step.at().compareTo(Duration.ZERO) > 0 && step.at().compareTo(end) < 0) {
                clock.schedule(step.at(), () -> push(job, source));
            }
        }
        clock.schedule(end, () -> push(job, source));
    }

    private void push(SimulatedJob job, FakeEventSource source) {
        JobUpdate update;
        synchronized (lock) {
            if (jobs.get(job.id()) != job || job.isCancelled()) {
                return; // forgotten by reset, or cancelled: a cancelled job gets no event, as on Oxen
            }
            update = job.updateAt(clock.now());
        }
        source.publish(job.id(), update);
    }

    private static final java.time.LocalDate PRICES_AS_OF = java.time.LocalDate.of(2026, 1, 1);

    private Option<Fault> takeFault(Call call, SimulatedJob job) {
        Option<Fault> global = faults.take(call);
        return global.isDefined() || job == null ? global : job.faults().take(call);
    }

    private void count(Call call) {
        counts.merge(call, 1, Integer::sum);
    }

    private JobFailure notFound(JobId jobId) {
        return JobFailure.of(FailureKind.NOT_FOUND, "not_found", name() + " does not know job " + jobId
                + "; check the id, or whether it was submitted to another provider.").withJobId(jobId);
    }

    /** What the event stream asks of the fake. */
    private final class StreamBackend implements FakeEventSource.Backend {
        @Override
        public Option<JobFailure> connectAttempt() {
            synchronized (lock) {
                count(Call.EVENTS);
                Option<Fault> fault = faults.take(Call.EVENTS);
                journal.add(new RecordedCall(Call.EVENTS, clock.now(), Option.none(), fault));
                return fault.flatMap(f -> f instanceof Fault.StreamDrop
                        ? Option.some(JobFailure.of(FailureKind.UNAVAILABLE, "stream_dropped",
                                "The event stream of " + name() + " dropped as it connected; it tries again."))
                        : FaultAnswers.failure(f, name()));
            }
        }

        @Override
        public boolean dropsBefore(JobId jobId) {
            synchronized (lock) {
                if (faults.takeIf(Call.EVENTS, f -> f instanceof Fault.StreamDrop).isDefined()) {
                    return true;
                }
                SimulatedJob job = jobs.get(jobId);
                return job != null && job.faults().takeIf(Call.EVENTS, f -> f instanceof Fault.StreamDrop).isDefined();
            }
        }
    }

    /** A submit key whose submit was refused: its retries keep its scenario and the scenario's remaining submit faults. */
    private static final class RefusedSubmission {
        private final Scenario scenario;
        private final PendingFaults faults = new PendingFaults();

        private RefusedSubmission(Scenario scenario) {
            this.scenario = scenario;
            scenario.faults().stream().filter(plan -> plan.call() == Call.SUBMIT).forEach(faults::add);
        }
    }

    /** Builds a {@link FakeVideoProvider}. */
    public static final class Builder {
        private VirtualScheduler clock;
        private ProviderCapabilities capabilities;
        private Set<ProviderFeature> features;
        private Duration defaultLength = Duration.ofSeconds(5);
        private Duration defaultSegment = Duration.ofSeconds(5);
        private Duration resultLifetime = Duration.ofHours(24);
        private Duration reconnectDelay = Duration.ofSeconds(1);
        private Option<BigDecimal> pricePerSecond = Option.some(new BigDecimal("0.05"));
        private List<String> discoverable = List.of();

        private Builder() {
        }

        /**
         * Model ids the fake's model list answers beside its capabilities' models (with
         * {@link ProviderFeature#MODEL_DISCOVERY}), to test what a service does with a model only
         * discovery knows: {@code fake-video-hd-preview} runs under {@code fake-video-hd}'s rules.
         */
        public Builder discoverable(String... modelIds) {
            discoverable = List.of(modelIds);
            return this;
        }

        /** Runs on {@code value}, shared with the service under test; by default the fake has its own. */
        public Builder clock(VirtualScheduler value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** What the fake accepts; {@link FakeCapabilities#standard} with CANCEL unless given. */
        public Builder capabilities(ProviderCapabilities value) {
            capabilities = Objects.requireNonNull(value, "capabilities");
            return this;
        }

        /**
         * Exactly these features, replacing those of the capabilities: {@code CANCEL},
         * {@code PUSH_EVENTS} (an event source that pushes every step), {@code IDEMPOTENT_SUBMIT}
         * (a repeated submit with the same key answers the same job).
         */
        public Builder features(ProviderFeature... values) {
            features = values.length == 0 ? EnumSet.noneOf(ProviderFeature.class) : EnumSet.copyOf(Arrays.asList(values));
            return this;
        }

        /** The length of a generation that asks for none, and of an edit input the fake cannot read; 5 s unless given. */
        public Builder defaultDuration(Duration value) {
            defaultLength = positive(value, "defaultDuration");
            return this;
        }

        /** The new segment of an extension that asks for no duration; 5 s unless given. */
        public Builder defaultExtension(Duration value) {
            defaultSegment = positive(value, "defaultExtension");
            return this;
        }

        /** How long a result is served after its job ends; 24 h unless given. */
        public Builder resultLifetime(Duration value) {
            resultLifetime = positive(value, "resultLifetime");
            return this;
        }

        /** How long a dropped event stream stays down before it reconnects; 1 s unless given. */
        public Builder reconnectDelay(Duration value) {
            reconnectDelay = Objects.requireNonNull(value, "reconnectDelay");
            return this;
        }

        /** The price of a second of result, in US dollars; 0.05 unless given. */
        public Builder pricePerSecond(BigDecimal usd) {
            pricePerSecond = Option.some(Objects.requireNonNull(usd, "usd"));
            return this;
        }

        /** Results carry no cost, as with providers that do not report one. */
        public Builder withoutCost() {
            pricePerSecond = Option.none();
            return this;
        }

        public FakeVideoProvider build() {
            return new FakeVideoProvider(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
