package io.imagine4j.testkit.contract;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.port.out.PushListener;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.testkit.scenario.BackendControl;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.Outcome;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.scenario.Step;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The contract every {@link VideoProvider} keeps, as JUnit 5 tests: extend this class, supply the
 * provider under test and a {@link BackendControl} that scripts the backend behind it, and every
 * group below runs against it. Capabilities the provider lacks are asserted to be refused with the
 * typed error, never skipped.
 *
 * <pre>{@code
 * class MyProviderContractTest extends VideoProviderContract {
 *     MySimulator backend;
 *     MyProvider provider;
 *
 *     @BeforeEach void start() { backend = MySimulator.start(); provider = MyProvider.at(backend.baseUrl(), "test-key"); }
 *     @AfterEach void stop() { provider.close(); backend.close(); }
 *
 *     @Override protected VideoProvider provider() { return provider; }
 *     @Override protected BackendControl backend() { return backend; }
 *     @Override protected boolean reportsProgress() { return false; } // this protocol has no progress field
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> Tests call {@link #provider()} and {@link #backend()} whenever they need
 * them, after every {@code @BeforeEach} of the extender has run (nested groups included); return
 * the same instances throughout one test. The dynamic tests of one {@code @TestFactory} share the
 * instances of their factory (JUnit runs {@code @BeforeEach} once around a factory), so counts are
 * taken relative to the start of each test, and every fault a test plans it also uses up. A backend
 * may be fresh per test or {@linkplain BackendControl#reset() reset}.
 *
 * <p><b>Time.</b> Jobs follow scenarios the contract enqueues; time moves only through
 * {@link BackendControl#advance}. The main timeline ({@link #TIMELINE}) is queued at 0 s, running
 * at 1 s (20 %), 2 s (50 %) and 3 s (80 %), and ends at 4 s.
 *
 * <p><b>Hooks</b> for what a wire protocol legitimately cannot express, each asserted the other way
 * when declared: {@link #reportsQueued()}, {@link #reportsProgress()}, {@link #reportsFailureCodes()},
 * {@link #expiredStatus()}, {@link #honoursContentOffset()}; inputs and requests:
 * {@link #sampleImage()}, {@link #sampleVideo()}, {@link #requestFor(RequestKind)}; real-time
 * patience for pushed events: {@link #pushWait()}.
 */
public abstract class VideoProviderContract {

    /** When the main timeline's jobs end. */
    protected static final Duration END = Duration.ofSeconds(4);

    /** Queued at 0 s, running at 1 s (20 %), 2 s (50 %), 3 s (80 %), succeeded at 4 s. */
    protected static final Scenario TIMELINE = Scenario.succeedsAfter(END).withSteps(
            Step.queued(Duration.ZERO),
            Step.running(Duration.ofSeconds(1), 20),
            Step.running(Duration.ofSeconds(2), 50),
            Step.running(Duration.ofSeconds(3), 80));

    private static final Duration PAST_END = END.plusSeconds(1);
    private static final Duration TRACE_STEP = Duration.ofMillis(250);

    // ---- what the extender supplies ----

    /** The provider under test; the same instance throughout one test. */
    protected abstract VideoProvider provider();

    /** The handle on the backend behind {@link #provider()}; the same instance throughout one test. */
    protected abstract BackendControl backend();

    // ---- hooks ----

    /** The input image of image-to-video requests; a small PNG given as bytes unless overridden. */
    protected MediaSource sampleImage() {
        return MediaSource.bytes(SampleInputs.png());
    }

    /** The input video of edit and extend requests; a 2 s MP4 given as bytes unless overridden. */
    protected MediaSource sampleVideo() {
        return MediaSource.bytes(SampleInputs.mp4());
    }

    /**
     * A request of {@code kind} the provider accepts, or none when no model of the provider runs
     * that kind. By default it is derived from the capabilities: the default model when it runs the
     * kind (else the first that does), the shortest duration allowed, and the sample inputs given
     * as bytes, a {@code data:} URI or a file, whichever the model takes.
     */
    protected Option<VideoRequest> requestFor(RequestKind kind) {
        return ContractRequests.derive(provider().capabilities(), kind, sampleImage(), sampleVideo());
    }

    /**
     * Whether the wire distinguishes a queued job from a running one. xAI reports only
     * {@code pending}: declare {@code false}, and a job not yet started may be QUEUED or RUNNING.
     */
    protected boolean reportsQueued() {
        return true;
    }

    /**
     * Whether the wire reports progress. Oxen has no progress field: declare {@code false}, and the
     * contract asserts that no progress is invented instead of checking that it follows the backend.
     */
    protected boolean reportsProgress() {
        return true;
    }

    /**
     * Whether a failed job carries the backend's failure code. When {@code false}, the contract
     * checks the failure's kind and message but not that its code is the backend's.
     */
    protected boolean reportsFailureCodes() {
        return true;
    }

    /**
     * The status a job that expired at the backend ends in. A protocol without an expired status
     * may report {@link JobStatus#FAILED}; the failure's kind must still be {@code EXPIRED}.
     */
    protected JobStatus expiredStatus() {
        return JobStatus.EXPIRED;
    }

    /**
     * Whether content opened at an offset starts there. When {@code false} (the result host
     * ignores ranges), the content may start at 0 instead, and must say so in {@link VideoContent#offset()}.
     */
    protected boolean honoursContentOffset() {
        return true;
    }

    /** How long, in real time, to wait for a pushed event over a real connection; 5 s unless overridden. */
    protected Duration pushWait() {
        return Duration.ofSeconds(5);
    }

    // ---- helpers for the groups, and for extenders' own tests ----

    /** The request most tests submit: text-to-video when offered, else the first kind offered. */
    protected final VideoRequest defaultRequest() {
        for (RequestKind kind : RequestKind.values()) {
            Option<VideoRequest> request = requestFor(kind);
            if (request.isDefined()) {
                return request.get();
            }
        }
        return fail("%s offers no request kind at all: its capabilities name no model with a kind", provider().name());
    }

    /** Submits {@link #defaultRequest()} as a job following {@code scenario}; asserts it is accepted. */
    protected final JobId submitJob(Scenario scenario) {
        backend().enqueue(scenario);
        SubmitOutcome outcome = provider().submit(Submission.of(SubmissionKey.random(), defaultRequest(), provider().capabilities()));
        assertThat(outcome).as("an ordinary submit must be accepted").isInstanceOf(SubmitOutcome.Accepted.class);
        return ((SubmitOutcome.Accepted) outcome).jobId();
    }

    /** Polls {@code jobId}, asserting the poll answered (a {@code Right}). */
    protected final JobUpdate pollAnswered(JobId jobId) {
        Either<JobFailure, JobUpdate> answer = provider().poll(jobId);
        assertThat(answer.isRight()).as("a poll of %s must answer with the job's state, got %s", jobId, answer).isTrue();
        return answer.get();
    }

    /** Polls {@code jobId}, asserting the poll failed (a {@code Left}). */
    protected final JobFailure pollFailed(JobId jobId) {
        Either<JobFailure, JobUpdate> answer = provider().poll(jobId);
        assertThat(answer.isLeft()).as("the poll of %s must fail as a Left, got %s", jobId, answer).isTrue();
        return answer.getLeft();
    }

    /** Moves the backend past the end of {@link #TIMELINE} and polls. */
    protected final JobUpdate pollAfterEnd(JobId jobId) {
        backend().advance(PAST_END);
        return pollAnswered(jobId);
    }

    private List<JobUpdate> trace(JobId jobId) {
        List<JobUpdate> updates = new ArrayList<>();
        updates.add(pollAnswered(jobId));
        for (Duration at = Duration.ZERO; at.compareTo(PAST_END) < 0; at = at.plus(TRACE_STEP)) {
            backend().advance(TRACE_STEP);
            updates.add(pollAnswered(jobId));
        }
        return updates;
    }

    /** Submits {@code request} as a job following {@link #TIMELINE}; asserts it is accepted. */
    protected final JobId submitJobOf(VideoRequest request) {
        backend().enqueue(TIMELINE);
        SubmitOutcome outcome = provider().submit(Submission.of(SubmissionKey.random(), request, provider().capabilities()));
        assertThat(outcome).as("a submit of %s must be accepted", request.kind().label()).isInstanceOf(SubmitOutcome.Accepted.class);
        return ((SubmitOutcome.Accepted) outcome).jobId();
    }

    /** The limits {@code request} of {@code kind} is checked against. */
    private Option<RequestLimits> limitsFor(RequestKind kind, VideoRequest request) {
        return provider().capabilities().model(request.options().model()
                .orElse(() -> provider().capabilities().defaultModelFor(kind))).flatMap(model -> model.limits(kind));
    }

    /** {@code request} on the model that runs its kind, when that is not the default model. */
    private VideoRequest onModelOf(RequestKind kind, VideoRequest request) {
        return ContractRequests.modelFor(provider().capabilities(), kind)
                .filter(model -> !model.model().equals(provider().capabilities().defaultModel()))
                .map(model -> request.with(o -> o.withModel(model.model()))).getOrElse(request);
    }

    private GeneratedVideo succeededVideo() {
        JobId jobId = submitJob(TIMELINE);
        JobUpdate done = pollAfterEnd(jobId);
        assertThat(done.status()).as("a job whose backend succeeded, got %s", done).isEqualTo(JobStatus.SUCCEEDED);
        return done.result().get();
    }

    private static byte[] readAll(VideoContent content) {
        try (content) {
            return content.body().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the content stream broke while the contract read it", e);
        }
    }

    private byte[] openWhole(GeneratedVideo video) {
        Either<JobFailure, VideoContent> opened = provider().openContent(video, 0);
        assertThat(opened.isRight()).as("the content of %s must open, got %s", video, opened).isTrue();
        assertThat(opened.get().offset()).as("content opened at 0 starts at 0").isZero();
        return readAll(opened.get());
    }

    private static void assertRefused(SubmitOutcome outcome, FailureKind kind) {
        assertThat(outcome).as("the submit must be refused as %s", kind).isInstanceOf(SubmitOutcome.Refused.class);
        assertThat(((SubmitOutcome.Refused) outcome).failure().kind()).as("the refusal's kind").isEqualTo(kind);
    }

    private SubmitOutcome submitOnce() {
        return provider().submit(Submission.of(SubmissionKey.random(), defaultRequest(), provider().capabilities()));
    }

    // ---- the groups ----

    /** Submit: an accepted job has an id in the provider's name and costs exactly one call. */
    @Nested
    @DisplayName("submit")
    public class SubmitGroup {

        @Test
        @DisplayName("an accepted job has an id of the provider's name, a state that has not ended, and costs one SUBMIT")
        void acceptedWithAnIdOfTheProvidersName() {
            CallTally calls = CallTally.of(backend());
            backend().enqueue(TIMELINE);
            SubmitOutcome outcome = submitOnce();
            assertThat(outcome).isInstanceOf(SubmitOutcome.Accepted.class);
            SubmitOutcome.Accepted accepted = (SubmitOutcome.Accepted) outcome;
            assertThat(accepted.jobId().provider()).as("the job id's provider").isEqualTo(provider().name());
            assertThat(accepted.initial().status().isTerminal()).as("the first state of a fresh job, got %s",
                    accepted.initial()).isFalse();
            assertThat(calls.since(Call.SUBMIT)).as("SUBMIT calls for one submit").isEqualTo(1);
            assertThat(pollAnswered(accepted.jobId()).status().isTerminal()).as("the job right after its submit").isFalse();
        }

        @Test
        @DisplayName("two submits make two jobs with different ids")
        void twoSubmitsMakeTwoJobs() {
            CallTally calls = CallTally.of(backend());
            JobId first = submitJob(TIMELINE);
            JobId second = submitJob(TIMELINE);
            assertThat(second).as("the second job's id").isNotEqualTo(first);
            assertThat(List.of(first.provider(), second.provider())).containsOnly(provider().name());
            assertThat(calls.since(Call.SUBMIT)).as("SUBMIT calls for two submits").isEqualTo(2);
        }

        @TestFactory
        @DisplayName("every request kind the provider offers is accepted")
        Stream<DynamicTest> everyOfferedKindIsAccepted() {
            List<RequestKind> offered = Arrays.stream(RequestKind.values())
                    .filter(kind -> requestFor(kind).isDefined()).collect(Collectors.toList());
            assertThat(offered).as("the request kinds %s offers", provider().name()).isNotEmpty();
            return offered.stream().map(kind -> DynamicTest.dynamicTest(kind.label(), () -> {
                CallTally calls = CallTally.of(backend());
                backend().enqueue(TIMELINE);
                SubmitOutcome outcome = provider().submit(Submission.of(SubmissionKey.random(), requestFor(kind).get(), provider().capabilities()));
                assertThat(outcome).as("a valid %s request", kind.label()).isInstanceOf(SubmitOutcome.Accepted.class);
                JobId jobId = ((SubmitOutcome.Accepted) outcome).jobId();
                assertThat(jobId.provider()).isEqualTo(provider().name());
                assertThat(calls.since(Call.SUBMIT)).isEqualTo(1);
                assertThat(pollAfterEnd(jobId).status()).as("the %s job at its end", kind.label()).isEqualTo(JobStatus.SUCCEEDED);
            }));
        }
    }

    /** Status mapping: the backend's statuses come out in the core's vocabulary, forward only. */
    @Nested
    @DisplayName("status mapping")
    public class StatusMappingGroup {

        @Test
        @DisplayName("queued, then running, then succeeded as backend time passes")
        void queuedThenRunningThenSucceeded() {
            JobId jobId = submitJob(TIMELINE);
            JobStatus start = pollAnswered(jobId).status();
            if (reportsQueued()) {
                assertThat(start).as("a job the backend has queued").isEqualTo(JobStatus.QUEUED);
            } else {
                assertThat(start).as("a job not yet started, on a wire without 'queued'").isIn(JobStatus.QUEUED, JobStatus.RUNNING);
            }
            backend().advance(Duration.ofMillis(1_500));
            assertThat(pollAnswered(jobId).status()).as("a job the backend runs").isEqualTo(JobStatus.RUNNING);
            JobUpdate done = pollAfterEnd(jobId);
            assertThat(done.status()).as("a job the backend finished").isEqualTo(JobStatus.SUCCEEDED);
            assertThat(done.result().get().jobId()).as("the result's job").isEqualTo(jobId);
        }

        @Test
        @DisplayName("a job's status never moves backwards from one poll to the next")
        void statusNeverMovesBackwards() {
            JobId jobId = submitJob(TIMELINE);
            List<JobUpdate> updates = trace(jobId);
            for (int i = 1; i < updates.size(); i++) {
                JobStatus before = updates.get(i - 1).status();
                JobStatus after = updates.get(i).status();
                assertThat(after.rank()).as("poll %d reported %s after %s", i, after, before).isGreaterThanOrEqualTo(before.rank());
                if (before.isTerminal()) {
                    assertThat(after).as("poll %d after the job ended", i).isEqualTo(before);
                }
            }
            assertThat(updates.get(updates.size() - 1).status()).isEqualTo(JobStatus.SUCCEEDED);
        }

        @Test
        @DisplayName("a terminal status stays, however long afterwards the job is polled")
        void terminalStatusesStay() {
            JobId jobId = submitJob(TIMELINE);
            GeneratedVideo video = pollAfterEnd(jobId).result().get();
            for (int i = 0; i < 3; i++) {
                backend().advance(Duration.ofMinutes(20));
                JobUpdate later = pollAnswered(jobId);
                assertThat(later.status()).as("poll %d after the end", i).isEqualTo(JobStatus.SUCCEEDED);
                assertThat(later.result().get().location()).isEqualTo(video.location());
            }
        }
    }

    /** Progress: within 0–100, never decreasing, and following the backend where the wire reports it. */
    @Nested
    @DisplayName("progress")
    public class ProgressGroup {

        @Test
        @DisplayName("progress stays within 0–100 and never decreases; on a wire without progress, none is reported")
        void progressNeverDecreases() {
            JobId jobId = submitJob(TIMELINE);
            List<JobUpdate> pending = trace(jobId).stream()
                    .filter(update -> !update.status().isTerminal()).collect(Collectors.toList());
            List<Integer> reported = pending.stream()
                    .flatMap(update -> update.progress().toJavaStream()).collect(Collectors.toList());
            if (!reportsProgress()) {
                assertThat(reported).as("progress on a wire declared without progress").isEmpty();
                return;
            }
            for (int i = 1; i < reported.size(); i++) {
                assertThat(reported.get(i)).as("progress reported after %s: %s", reported.subList(0, i), reported)
                        .isGreaterThanOrEqualTo(reported.get(i - 1));
            }
            assertThat(reported).allSatisfy(percent -> assertThat(percent).isBetween(0, 100));
        }

        @Test
        @DisplayName("progress follows the backend's where the wire reports it, and is never invented where it does not")
        void progressFollowsTheBackend() {
            JobId jobId = submitJob(TIMELINE);
            List<Integer> running = new ArrayList<>();
            for (int second = 1; second <= 3; second++) {
                backend().advance(Duration.ofSeconds(1));
                JobUpdate update = pollAnswered(jobId);
                assertThat(update.status()).isEqualTo(JobStatus.RUNNING);
                if (reportsProgress()) {
                    assertThat(update.progress().isDefined()).as("progress of a running job at %d s", second).isTrue();
                    running.add(update.progress().get());
                } else {
                    assertThat(update.progress().isEmpty()).as("progress on a wire declared without progress, got %s",
                            update).isTrue();
                }
            }
            if (reportsProgress()) {
                assertThat(running).as("the backend's 20, 50 and 80 %").containsExactly(20, 50, 80);
            }
        }
    }

    /** Every terminal outcome: succeeded with a real MP4, failed, moderated, expired. */
    @Nested
    @DisplayName("terminal outcomes")
    public class TerminalOutcomesGroup {

        @Test
        @DisplayName("succeeded: the result is the job's, and its content is a real MP4")
        void succeededCarriesAPlayableResult() {
            JobId jobId = submitJob(TIMELINE);
            JobUpdate done = pollAfterEnd(jobId);
            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(done.failure().isEmpty()).isTrue();
            GeneratedVideo video = done.result().get();
            assertThat(video.jobId()).isEqualTo(jobId);
            assertThat(video.mediaType()).isEqualTo(MediaType.MP4);
            byte[] bytes = openWhole(video);
            assertThat(MagicBytes.sniff(bytes).getOrNull()).as("the result's magic bytes").isEqualTo(MediaType.MP4);
            assertThat(Mp4Header.duration(bytes).isSuccess()).as("the result's MP4 header").isTrue();
        }

        @Test
        @DisplayName("failed: FAILED with the provider's failure, typed (internal_error is a PROVIDER_ERROR)")
        void failedCarriesTheProvidersFailure() {
            JobId jobId = submitJob(TIMELINE.withOutcome(new Outcome.Fail(
                    "internal_error", "The video model crashed while rendering.")));
            JobUpdate done = pollAfterEnd(jobId);
            assertThat(done.status()).isEqualTo(JobStatus.FAILED);
            assertThat(done.result().isEmpty()).isTrue();
            JobFailure failure = done.failure().get();
            assertThat(failure.kind()).isEqualTo(FailureKind.PROVIDER_ERROR);
            assertThat(failure.message()).isNotBlank();
            if (reportsFailureCodes()) {
                assertThat(failure.code()).as("the backend's failure code").isEqualTo("internal_error");
            }
        }

        @Test
        @DisplayName("moderated: FAILED with a MODERATION failure")
        void moderatedIsAModerationFailure() {
            JobId jobId = submitJob(TIMELINE.withOutcome(new Outcome.Moderated()));
            JobUpdate done = pollAfterEnd(jobId);
            assertThat(done.status()).isEqualTo(JobStatus.FAILED);
            assertThat(done.failure().get().kind()).isEqualTo(FailureKind.MODERATION);
            assertThat(done.failure().get().message()).isNotBlank();
        }

        @Test
        @DisplayName("expired: the expired status, with an EXPIRED failure")
        void expiredJobIsExpired() {
            JobId jobId = submitJob(TIMELINE.withOutcome(new Outcome.Expire()));
            JobUpdate done = pollAfterEnd(jobId);
            assertThat(done.status()).isEqualTo(expiredStatus());
            assertThat(done.failure().get().kind()).isEqualTo(FailureKind.EXPIRED);
        }
    }

    /** Typed failures: every fault comes out as the failure kind an application can act on. */
    @Nested
    @DisplayName("typed failures")
    public class TypedFailuresGroup {

        @Test
        @DisplayName("a request the backend refuses as invalid is Refused INVALID_REQUEST")
        void badRequestOnSubmitIsInvalidRequest() {
            CallTally calls = CallTally.of(backend());
            backend().failNext(Call.SUBMIT, new Fault.BadRequest("The prompt names a person who did not consent."));
            assertRefused(submitOnce(), FailureKind.INVALID_REQUEST);
            assertThat(calls.since(Call.SUBMIT)).isEqualTo(1);
        }

        @Test
        @DisplayName("a refused credential on submit is Refused AUTHENTICATION")
        void refusedCredentialOnSubmitIsAuthentication() {
            backend().failNext(Call.SUBMIT, new Fault.Unauthorized());
            assertRefused(submitOnce(), FailureKind.AUTHENTICATION);
        }

        @Test
        @DisplayName("a refused credential on poll is a Left AUTHENTICATION")
        void refusedCredentialOnPollIsAuthentication() {
            JobId jobId = submitJob(TIMELINE);
            backend().failNext(Call.POLL, new Fault.Unauthorized());
            assertThat(pollFailed(jobId).kind()).isEqualTo(FailureKind.AUTHENTICATION);
        }

        @Test
        @DisplayName("a rate limit on submit is Refused RATE_LIMITED with the server's Retry-After")
        void rateLimitOnSubmitCarriesRetryAfter() {
            backend().failNext(Call.SUBMIT, new Fault.RateLimited(Option.some(Duration.ofSeconds(7))));
            SubmitOutcome outcome = submitOnce();
            assertRefused(outcome, FailureKind.RATE_LIMITED);
            assertThat(((SubmitOutcome.Refused) outcome).failure().retryAfter().map(RetryAfter::delay).getOrNull())
                    .as("the Retry-After of the refusal").isEqualTo(Duration.ofSeconds(7));
        }

        @Test
        @DisplayName("a rate limit on poll is a Left RATE_LIMITED with the server's Retry-After")
        void rateLimitOnPollCarriesRetryAfter() {
            JobId jobId = submitJob(TIMELINE);
            backend().failNext(Call.POLL, new Fault.RateLimited(Option.some(Duration.ofSeconds(3))));
            JobFailure failure = pollFailed(jobId);
            assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(failure.retryAfter().map(RetryAfter::delay).getOrNull()).isEqualTo(Duration.ofSeconds(3));
        }

        @Test
        @DisplayName("503 on submit is Refused UNAVAILABLE: nothing started, so it may be sent again")
        void unavailableOnSubmitIsRefused() {
            backend().failNext(Call.SUBMIT, new Fault.ServerError(503));
            assertRefused(submitOnce(), FailureKind.UNAVAILABLE);
        }

        @Test
        @DisplayName("a 5xx on poll is a transient Left, and the next poll answers")
        void serverErrorOnPollIsTransient() {
            JobId jobId = submitJob(TIMELINE);
            backend().failNext(Call.POLL, new Fault.ServerError(500));
            JobFailure failure = pollFailed(jobId);
            assertThat(failure.kind()).isIn(FailureKind.PROVIDER_ERROR, FailureKind.UNAVAILABLE);
            assertThat(failure.kind().isTransient()).isTrue();
            assertThat(pollAnswered(jobId).status().isTerminal()).isFalse();
        }

        @Test
        @DisplayName("a connection reset on poll is a transient Left, or a retried GET's true answer")
        void connectionResetOnPollIsTransient() {
            JobId jobId = submitJob(TIMELINE);
            int before = backend().calls(Call.POLL);
            backend().failNext(Call.POLL, new Fault.ConnectionReset());
            Either<JobFailure, JobUpdate> answer = provider().poll(jobId);
            if (answer.isRight()) {
                // HTTP clients may repeat an idempotent GET over a fresh connection: allowed, if it really did.
                assertThat(backend().calls(Call.POLL) - before).as("a Right after a reset needs a second poll, got %s", answer)
                        .isEqualTo(2);
                assertThat(answer.get().status().isTerminal()).as("%s", answer).isFalse();
            } else {
                assertThat(answer.getLeft().kind().isTransient()).as("%s", answer.getLeft()).isTrue();
            }
            assertThat(pollAnswered(jobId).status().isTerminal()).isFalse();
        }

        @Test
        @DisplayName("a poll of a job the backend does not know is a Left NOT_FOUND")
        void unknownJobIsNotFound() {
            JobId unknown = JobId.of(provider().name(), "no-such-job-" + UUID.randomUUID());
            assertThat(pollFailed(unknown).kind()).isEqualTo(FailureKind.NOT_FOUND);
        }

        @Test
        @DisplayName("an unreadable poll answer is a Left PROTOCOL, and the next poll answers")
        void malformedPollAnswerIsProtocol() {
            JobId jobId = submitJob(TIMELINE);
            backend().failNext(Call.POLL, new Fault.MalformedJson());
            assertThat(pollFailed(jobId).kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(pollAnswered(jobId).status().isTerminal()).isFalse();
        }

        @Test
        @DisplayName("an empty pending answer is a job still pending (or a PROTOCOL Left), never an end")
        void emptyPendingAnswerIsNotAnEnd() {
            JobId jobId = submitJob(TIMELINE);
            backend().advance(Duration.ofMillis(1_500));
            backend().failNext(Call.POLL, new Fault.EmptyBody());
            Either<JobFailure, JobUpdate> answer = provider().poll(jobId);
            if (answer.isLeft()) {
                assertThat(answer.getLeft().kind()).as("an empty answer read as a failure").isEqualTo(FailureKind.PROTOCOL);
            } else {
                assertThat(answer.get().status().isTerminal()).as("an empty pending answer, got %s", answer.get()).isFalse();
                assertThat(answer.get().progress().isEmpty()).as("progress from an empty body").isTrue();
            }
            assertThat(pollAfterEnd(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    /** Submission safety: one submit is one call, and a submit that may have started a job says so. */
    @Nested
    @DisplayName("submission safety")
    public class SubmissionSafetyGroup {

        @Test
        @DisplayName("a connection reset after the submit was sent is Ambiguous, after exactly one SUBMIT")
        void connectionResetOnSubmitIsAmbiguous() {
            CallTally calls = CallTally.of(backend());
            backend().enqueue(TIMELINE);
            backend().failNext(Call.SUBMIT, new Fault.ConnectionReset());
            assertThat(submitOnce()).isInstanceOf(SubmitOutcome.Ambiguous.class);
            assertThat(calls.since(Call.SUBMIT)).as("SUBMIT calls: a submit is never repeated by the provider").isEqualTo(1);
        }

        @TestFactory
        @DisplayName("every fault on submit costs exactly one SUBMIT, refused only when nothing started")
        Stream<DynamicTest> everySubmitFaultCostsOneCall() {
            List<Object[]> cases = List.of(
                    new Object[] {"429", new Fault.RateLimited(Option.some(Duration.ofSeconds(2))), SubmitOutcome.Refused.class},
                    new Object[] {"503", new Fault.ServerError(503), SubmitOutcome.Refused.class},
                    new Object[] {"500", new Fault.ServerError(500), SubmitOutcome.Ambiguous.class},
                    new Object[] {"502", new Fault.ServerError(502), SubmitOutcome.Ambiguous.class},
                    new Object[] {"reset", new Fault.ConnectionReset(), SubmitOutcome.Ambiguous.class},
                    new Object[] {"malformed", new Fault.MalformedJson(), SubmitOutcome.Ambiguous.class},
                    new Object[] {"unauthorized", new Fault.Unauthorized(), SubmitOutcome.Refused.class},
                    new Object[] {"400", new Fault.BadRequest("Refused by the contract."), SubmitOutcome.Refused.class});
            return cases.stream().map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
                CallTally calls = CallTally.of(backend());
                if (c[2] == SubmitOutcome.Ambiguous.class) {
                    backend().enqueue(TIMELINE); // the job may be created; a refused submit creates none to script
                }
                backend().failNext(Call.SUBMIT, (Fault) c[1]);
                SubmitOutcome outcome = submitOnce();
                assertThat(outcome).as("the outcome of a submit answered %s", c[0]).isInstanceOf((Class<?>) c[2]);
                assertThat(calls.since(Call.SUBMIT)).as("SUBMIT calls").isEqualTo(1);
            }));
        }

        @TestFactory
        @DisplayName("with IDEMPOTENT_SUBMIT, a repeated submit key answers the job already started")
        Stream<DynamicTest> idempotentSubmitAnswersTheSameJob() {
            if (!provider().capabilities().supports(ProviderFeature.IDEMPOTENT_SUBMIT)) {
                return Stream.empty(); // without the feature, a repeat is a new job: nothing to hold the provider to
            }
            return Stream.of(
                    DynamicTest.dynamicTest("a repeat after an acceptance", () -> {
                        Submission submission = Submission.of(SubmissionKey.random(), defaultRequest(), provider().capabilities());
                        backend().enqueue(TIMELINE);
                        SubmitOutcome first = provider().submit(submission);
                        SubmitOutcome again = provider().submit(submission);
                        assertThat(first).isInstanceOf(SubmitOutcome.Accepted.class);
                        assertThat(again).isInstanceOf(SubmitOutcome.Accepted.class);
                        assertThat(((SubmitOutcome.Accepted) again).jobId()).isEqualTo(((SubmitOutcome.Accepted) first).jobId());
                    }),
                    DynamicTest.dynamicTest("a repeat after an ambiguous submit", () -> {
                        Submission submission = Submission.of(SubmissionKey.random(), defaultRequest(), provider().capabilities());
                        backend().enqueue(TIMELINE);
                        backend().failNext(Call.SUBMIT, new Fault.ConnectionReset());
                        assertThat(provider().submit(submission)).isInstanceOf(SubmitOutcome.Ambiguous.class);
                        backend().advance(Duration.ofMillis(3_500));
                        SubmitOutcome again = provider().submit(submission);
                        assertThat(again).isInstanceOf(SubmitOutcome.Accepted.class);
                        JobId jobId = ((SubmitOutcome.Accepted) again).jobId();
                        backend().advance(Duration.ofSeconds(1));
                        assertThat(pollAnswered(jobId).status())
                                .as("the job the ambiguous submit started, which ends 4 s after it; a new job would not have ended")
                                .isEqualTo(JobStatus.SUCCEEDED);
                    }));
        }
    }

    /** Cancel: a running job ends CANCELLED and stays so; without CANCEL, cancel is refused with the typed error. */
    @Nested
    @DisplayName("cancel")
    public class CancelGroup {

        @Test
        @DisplayName("a running job cancelled ends CANCELLED and stays so; without CANCEL, UnsupportedCapabilityException")
        void cancelOfARunningJob() {
            JobId jobId = submitJob(TIMELINE);
            backend().advance(Duration.ofMillis(1_500));
            CallTally calls = CallTally.of(backend());
            if (!provider().capabilities().supports(ProviderFeature.CANCEL)) {
                assertThatThrownBy(() -> provider().cancel(jobId)).isInstanceOf(UnsupportedCapabilityException.class);
                assertThat(calls.since(Call.CANCEL)).as("CANCEL calls of a provider that cannot cancel").isZero();
                return;
            }
            Either<JobFailure, JobUpdate> answer = provider().cancel(jobId);
            assertThat(answer.isRight()).as("the answer to a cancel, got %s", answer).isTrue();
            assertThat(answer.get().status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(calls.since(Call.CANCEL)).as("CANCEL calls").isEqualTo(1);
            assertThat(pollAnswered(jobId).status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(pollAfterEnd(jobId).status()).as("a cancelled job after its scenario's end").isEqualTo(JobStatus.CANCELLED);
        }

        @Test
        @DisplayName("cancelling a finished job changes nothing; without CANCEL, UnsupportedCapabilityException")
        void cancelOfAFinishedJobChangesNothing() {
            JobId jobId = submitJob(TIMELINE);
            assertThat(pollAfterEnd(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
            if (!provider().capabilities().supports(ProviderFeature.CANCEL)) {
                assertThatThrownBy(() -> provider().cancel(jobId)).isInstanceOf(UnsupportedCapabilityException.class);
                return;
            }
            Either<JobFailure, JobUpdate> answer = provider().cancel(jobId);
            answer.forEach(update -> assertThat(update.status()).as("the answer to cancelling a finished job")
                    .isIn(JobStatus.SUCCEEDED, JobStatus.CANCELLED));
            backend().advance(Duration.ofSeconds(1));
            assertThat(pollAnswered(jobId).status()).as("a finished job after a cancel").isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    /** Content stream: a real MP4 of the announced length, readable from an offset; an expired result says so. */
    @Nested
    @DisplayName("content stream")
    public class ContentStreamGroup {

        @Test
        @DisplayName("the content is an MP4 whose length is the result's announced duration, within 0.1 s")
        void contentIsAnMp4OfTheAnnouncedLength() {
            GeneratedVideo video = succeededVideo();
            byte[] bytes = openWhole(video);
            assertThat(MagicBytes.sniff(bytes).getOrNull()).isEqualTo(MediaType.MP4);
            Duration length = Mp4Header.duration(bytes).get();
            video.duration().forEach(announced -> assertThat(Math.abs(length.minus(announced).toMillis()))
                    .as("MP4 length %s against the announced %s", length, announced).isLessThanOrEqualTo(100));
            defaultRequest().options().duration().filter(asked -> defaultRequest().kind() == RequestKind.TEXT_TO_VIDEO
                            || defaultRequest().kind() == RequestKind.IMAGE_TO_VIDEO)
                    .forEach(asked -> assertThat(Math.abs(length.minus(asked).toMillis()))
                            .as("MP4 length %s against the requested %s", length, asked).isLessThanOrEqualTo(100));
        }

        @Test
        @DisplayName("content opened at an offset is the rest of the file")
        void readingFromAnOffsetReturnsTheRest() {
            GeneratedVideo video = succeededVideo();
            byte[] whole = openWhole(video);
            long offset = whole.length / 2;
            Either<JobFailure, VideoContent> opened = provider().openContent(video, offset);
            assertThat(opened.isRight()).as("content opened at %d, got %s", offset, opened).isTrue();
            VideoContent content = opened.get();
            if (honoursContentOffset()) {
                assertThat(content.offset()).as("where the content starts").isEqualTo(offset);
            } else {
                assertThat(content.offset()).as("where the content starts, ranges not honoured").isIn(0L, offset);
            }
            content.totalSize().forEach(total -> assertThat(total).as("the announced size").isEqualTo((long) whole.length));
            byte[] rest = readAll(content);
            assertThat(rest).isEqualTo(Arrays.copyOfRange(whole, (int) content.offset(), whole.length));
        }

        @Test
        @DisplayName("an expired result is a Left EXPIRED")
        void expiredResultIsExpired() {
            GeneratedVideo video = succeededVideo();
            backend().failNext(Call.CONTENT, new Fault.ExpiredResult());
            Either<JobFailure, VideoContent> opened = provider().openContent(video, 0);
            opened.forEach(VideoContentCloser::close);
            assertThat(opened.isLeft()).as("opening an expired result, got %s", opened).isTrue();
            assertThat(opened.getLeft().kind()).isEqualTo(FailureKind.EXPIRED);
        }

        @Test
        @DisplayName("a connection reset while opening content is a transient Left or a retried GET, and the next open works")
        void resetWhileOpeningIsTransient() {
            GeneratedVideo video = succeededVideo();
            int before = backend().calls(Call.CONTENT);
            backend().failNext(Call.CONTENT, new Fault.ConnectionReset());
            Either<JobFailure, VideoContent> opened = provider().openContent(video, 0);
            opened.forEach(VideoContentCloser::close);
            if (opened.isRight()) {
                // A repeated idempotent GET over a fresh connection is allowed, if it really happened.
                assertThat(backend().calls(Call.CONTENT) - before)
                        .as("content opened over a reset connection needs a second request, got %s", opened).isEqualTo(2);
            } else {
                assertThat(opened.getLeft().kind().isTransient()).as("%s", opened.getLeft()).isTrue();
            }
            assertThat(MagicBytes.sniff(openWhole(video)).getOrNull()).isEqualTo(MediaType.MP4);
        }
    }

    /** Remix: a finished job's result made again with a changed prompt, where a model runs remixes. */
    @Nested
    @DisplayName("remix")
    public class RemixGroup {

        @Test
        @DisplayName("a remix of a finished job is one SUBMIT and ends with a video as long as its source; without REMIX, unsupported")
        void remixOfAFinishedJob() {
            GeneratedVideo source = succeededVideo();
            VideoRequest remix = VideoRequest.remix("The same scene at night", source);
            if (ContractRequests.modelFor(provider().capabilities(), RequestKind.REMIX).isEmpty()) {
                assertThatThrownBy(() -> Submission.of(SubmissionKey.random(), remix, provider().capabilities()))
                        .isInstanceOf(UnsupportedCapabilityException.class);
                return;
            }
            VideoRequest onModel = onModelOf(RequestKind.REMIX, remix);
            CallTally calls = CallTally.of(backend());
            backend().enqueue(TIMELINE);
            SubmitOutcome outcome = provider().submit(Submission.of(SubmissionKey.random(), onModel, provider().capabilities()));
            assertThat(outcome).as("a remix of a finished job").isInstanceOf(SubmitOutcome.Accepted.class);
            assertThat(calls.since(Call.SUBMIT)).as("SUBMIT calls for one remix").isEqualTo(1);
            JobId remixed = ((SubmitOutcome.Accepted) outcome).jobId();
            assertThat(remixed).as("the remix is a job of its own").isNotEqualTo(source.jobId());
            JobUpdate done = pollAfterEnd(remixed);
            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            source.duration().forEach(length -> done.result().get().duration().forEach(remixLength ->
                    assertThat(Math.abs(remixLength.minus(length).toMillis())).as("a remix keeps its source's length")
                            .isLessThanOrEqualTo(100)));
        }
    }

    /** Chained inputs: a previous result as the input of an edit or an extension, without a re-upload by the user. */
    @Nested
    @DisplayName("chained inputs")
    public class ChainedInputsGroup {

        @TestFactory
        @DisplayName("an edit or extension of a previous result, known or only by its job id, is accepted and runs; without RESULT inputs, unsupported")
        Stream<DynamicTest> aPreviousResultIsAnInput() {
            List<DynamicTest> tests = new ArrayList<>();
            for (RequestKind kind : List.of(RequestKind.EDIT, RequestKind.EXTEND)) {
                Option<VideoRequest> sample = requestFor(kind);
                if (sample.isEmpty()) {
                    continue;
                }
                RequestLimits limits = limitsFor(kind, sample.get()).get();
                if (!limits.inputSources().contains(MediaSource.Kind.RESULT)) {
                    tests.add(DynamicTest.dynamicTest(kind.label() + " refuses a previous result", () -> {
                        VideoRequest chained = sample.get().withInput(MediaSource.ofJob(JobId.of(provider().name(), "earlier")));
                        assertThatThrownBy(() -> Submission.of(SubmissionKey.random(), chained, provider().capabilities()))
                                .isInstanceOf(UnsupportedCapabilityException.class);
                    }));
                    continue;
                }
                Option<VideoRequest> maker = resultMakerFor(limits);
                if (maker.isEmpty()) {
                    continue; // no request kind of this provider makes a video this kind takes as input
                }
                for (boolean known : new boolean[] {true, false}) {
                    tests.add(DynamicTest.dynamicTest(kind.label() + (known ? " of a known result" : " of a job id alone"), () -> {
                        JobId first = submitJobOf(maker.get());
                        JobUpdate done = pollAfterEnd(first);
                        assertThat(done.status()).as("the job whose result is chained").isEqualTo(JobStatus.SUCCEEDED);
                        GeneratedVideo previous = done.result().get();
                        MediaSource input = known ? MediaSource.of(previous) : MediaSource.ofJob(first);
                        CallTally calls = CallTally.of(backend());
                        backend().enqueue(TIMELINE);
                        SubmitOutcome outcome = provider().submit(
                                Submission.of(SubmissionKey.random(), sample.get().withInput(input), provider().capabilities()));
                        assertThat(outcome).as("a %s of %s", kind.label(), input.describe()).isInstanceOf(SubmitOutcome.Accepted.class);
                        assertThat(calls.since(Call.SUBMIT)).as("SUBMIT calls for one chained job").isEqualTo(1);
                        assertThat(pollAfterEnd(((SubmitOutcome.Accepted) outcome).jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
                    }));
                }
            }
            return tests.stream();
        }

        /** A request that makes a video whose length the input rule of {@code limits} accepts. */
        private Option<VideoRequest> resultMakerFor(RequestLimits limits) {
            for (RequestKind kind : List.of(RequestKind.TEXT_TO_VIDEO, RequestKind.IMAGE_TO_VIDEO)) {
                Option<VideoRequest> request = requestFor(kind);
                if (request.isEmpty()) {
                    continue;
                }
                RequestLimits own = limitsFor(kind, request.get()).get();
                Option<Integer> seconds = Option.ofOptional(own.durations().stream()
                        .filter(s -> limits.inputDuration().forAll(range -> range.contains(Duration.ofSeconds(s))))
                        .findFirst());
                if (seconds.isDefined() || own.durations().isEmpty() && limits.inputDuration().isEmpty()) {
                    return Option.some(seconds.map(s -> request.get().with(o -> o.withDurationSeconds(s))).getOrElse(request.get()));
                }
            }
            return Option.none();
        }
    }

    /** Generations: one submit asking for several videos is one call and several jobs, each followed on its own. */
    @Nested
    @DisplayName("generations")
    public class GenerationsGroup {

        @Test
        @DisplayName("two generations are one SUBMIT and two jobs that each end with their own video; where one submit makes one video, unsupported")
        void twoGenerationsAreOneSubmitAndTwoJobs() {
            Option<VideoRequest> several = Arrays.stream(RequestKind.values())
                    .flatMap(kind -> requestFor(kind).toJavaStream())
                    .filter(request -> limitsFor(request.kind(), request).exists(limits -> limits.maxGenerations() >= 2))
                    .findFirst().map(request -> Option.some(request.with(o -> o.withGenerations(2)))).orElse(Option.none());
            if (several.isEmpty()) {
                VideoRequest two = defaultRequest().with(o -> o.withGenerations(2));
                assertThatThrownBy(() -> Submission.of(SubmissionKey.random(), two, provider().capabilities()))
                        .isInstanceOf(UnsupportedCapabilityException.class);
                return;
            }
            CallTally calls = CallTally.of(backend());
            backend().enqueue(TIMELINE);
            backend().enqueue(TIMELINE);
            SubmitOutcome outcome = provider().submit(Submission.of(SubmissionKey.random(), several.get(), provider().capabilities()));
            assertThat(outcome).isInstanceOf(SubmitOutcome.Accepted.class);
            List<JobId> ids = ((SubmitOutcome.Accepted) outcome).jobIds();
            assertThat(ids).as("one job per generation").hasSize(2).doesNotHaveDuplicates();
            assertThat(calls.since(Call.SUBMIT)).as("SUBMIT calls for two generations").isEqualTo(1);
            backend().advance(PAST_END);
            List<GeneratedVideo> videos = ids.stream().map(id -> pollAnswered(id).result().get()).collect(Collectors.toList());
            assertThat(videos).extracting(GeneratedVideo::jobId).containsExactlyElementsOf(ids);
            assertThat(videos).extracting(GeneratedVideo::location).doesNotHaveDuplicates();
        }
    }

    /** The provider's own job list, page by page, where it has one. */
    @Nested
    @DisplayName("list")
    public class ListGroup {

        @Test
        @DisplayName("with LIST, every job appears once across pages linked by their cursors; without, unsupported")
        void jobsAppearOnceAcrossPages() {
            if (!provider().capabilities().supports(ProviderFeature.LIST)) {
                assertThatThrownBy(() -> provider().list(JobQuery.all())).isInstanceOf(UnsupportedCapabilityException.class);
                return;
            }
            Set<JobId> submitted = new java.util.LinkedHashSet<>();
            for (int i = 0; i < 3; i++) {
                submitted.add(submitJob(TIMELINE));
            }
            List<JobId> listed = new ArrayList<>();
            JobQuery query = JobQuery.all().withPageSize(2);
            for (int page = 0; page < 50; page++) {
                Either<JobFailure, JobPage> answer = provider().list(query);
                assertThat(answer.isRight()).as("page %d of the list, got %s", page, answer).isTrue();
                assertThat(answer.get().jobs().size()).as("a page's size").isLessThanOrEqualTo(2);
                answer.get().jobs().forEach(job -> listed.add(job.jobId()));
                if (answer.get().next().isEmpty()) {
                    break;
                }
                query = query.after(answer.get().next().get());
            }
            assertThat(listed).as("the jobs listed across pages").containsAll(submitted).doesNotHaveDuplicates();
            assertThat(listed).allSatisfy(id -> assertThat(id.provider()).isEqualTo(provider().name()));
        }
    }

    /** Delete, where the provider has it. */
    @Nested
    @DisplayName("delete")
    public class DeleteGroup {

        @Test
        @DisplayName("with DELETE, a deleted job is gone (NOT_FOUND) after one call; without, unsupported")
        void aDeletedJobIsGone() {
            JobId jobId = submitJob(TIMELINE);
            assertThat(pollAfterEnd(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
            if (!provider().capabilities().supports(ProviderFeature.DELETE)) {
                assertThatThrownBy(() -> provider().delete(jobId)).isInstanceOf(UnsupportedCapabilityException.class);
                return;
            }
            CallTally calls = CallTally.of(backend());
            Either<JobFailure, JobId> deleted = provider().delete(jobId);
            assertThat(deleted.isRight()).as("the answer to a delete, got %s", deleted).isTrue();
            assertThat(deleted.get()).isEqualTo(jobId);
            assertThat(calls.since(Call.DELETE)).as("DELETE calls").isEqualTo(1);
            assertThat(pollFailed(jobId).kind()).as("a poll of a deleted job").isEqualTo(FailureKind.NOT_FOUND);
        }
    }

    /** Content variants: previews served beside the video where the provider declares them. */
    @Nested
    @DisplayName("content variants")
    public class ContentVariantsGroup {

        @TestFactory
        @DisplayName("every declared preview opens as an image; every other is unsupported")
        Stream<DynamicTest> everyVariantAsDeclared() {
            return Arrays.stream(ContentVariant.values()).filter(variant -> variant != ContentVariant.VIDEO)
                    .map(variant -> DynamicTest.dynamicTest(variant.label(), () -> {
                        GeneratedVideo video = succeededVideo();
                        if (!provider().capabilities().serves(variant)) {
                            assertThatThrownBy(() -> provider().openContent(video, variant, 0))
                                    .isInstanceOf(UnsupportedCapabilityException.class);
                            return;
                        }
                        Either<JobFailure, VideoContent> opened = provider().openContent(video, variant, 0);
                        assertThat(opened.isRight()).as("the %s of %s, got %s", variant.label(), video, opened).isTrue();
                        byte[] bytes = readAll(opened.get());
                        assertThat(MagicBytes.sniff(bytes).exists(MediaType::isImage))
                                .as("the %s's magic bytes", variant.label()).isTrue();
                    }));
        }
    }

    /** Models: the provider's run-time model list, where it has one. */
    @Nested
    @DisplayName("models")
    public class ModelsGroup {

        @Test
        @DisplayName("with MODEL_DISCOVERY, the models listed merge into capabilities that keep the default model; without, unsupported")
        void discoveredModelsMerge() {
            if (!provider().capabilities().supports(ProviderFeature.MODEL_DISCOVERY)) {
                assertThatThrownBy(() -> provider().models()).isInstanceOf(UnsupportedCapabilityException.class);
                return;
            }
            CallTally calls = CallTally.of(backend());
            Either<JobFailure, List<ModelInfo>> models = provider().models();
            assertThat(models.isRight()).as("the model list, got %s", models).isTrue();
            assertThat(models.get()).as("the models listed").isNotEmpty()
                    .allSatisfy(model -> assertThat(model.id()).isNotBlank());
            assertThat(calls.since(Call.MODELS)).as("MODELS calls for one list").isPositive();
            ProviderCapabilities merged = provider().capabilities().withDiscovered(models.get());
            assertThat(merged.model(Option.none()).isDefined()).as("the default model after the merge").isTrue();
            assertThat(models.get()).allSatisfy(model -> assertThat(merged.model(Option.some(model.id())).isDefined())
                    .as("listed model %s after the merge", model.id()).isTrue());
        }
    }

    /** Push events: a provider declaring PUSH_EVENTS pushes updates; one that does not has no event source. */
    @Nested
    @DisplayName("push events")
    public class PushEventsGroup {

        @Test
        @DisplayName("with PUSH_EVENTS the job's end is pushed; without, there is no event source")
        void eventsFollowTheDeclaredCapability() throws Exception {
            Option<JobEventSource> source = provider().eventSource();
            if (!provider().capabilities().supports(ProviderFeature.PUSH_EVENTS)) {
                assertThat(source.isEmpty()).as("an event source on a provider without PUSH_EVENTS").isTrue();
                return;
            }
            assertThat(source.isDefined()).as("the event source of a provider with PUSH_EVENTS").isTrue();
            CompletableFuture<Void> connected = new CompletableFuture<>();
            List<JobUpdate> ends = new CopyOnWriteArrayList<>();
            CompletableFuture<JobId> ended = new CompletableFuture<>();
            JobEventSource.Subscription subscription = source.get().subscribe(new PushListener() {
                @Override
                public void onConnected() {
                    connected.complete(null);
                }

                @Override
                public void onUpdate(JobId jobId, JobUpdate update) {
                    if (update.status().isTerminal()) {
                        ends.add(update);
                        ended.complete(jobId);
                    }
                }

                @Override
                public void onDisconnected(JobFailure reason) {
                    // A drop is the source's to recover from; this test plans none.
                }
            });
            try {
                await(connected, "the event stream to connect");
                JobId jobId = submitJob(TIMELINE);
                backend().advance(PAST_END);
                assertThat(await(ended, "the job's end to be pushed")).isEqualTo(jobId);
                assertThat(ends.get(0).status()).isEqualTo(JobStatus.SUCCEEDED);
            } finally {
                subscription.close();
            }
        }

        private <T> T await(CompletableFuture<T> future, String what) throws InterruptedException, ExecutionException {
            try {
                return future.get(pushWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return fail("waited %s for %s", pushWait(), what);
            }
        }
    }

    /** Closes content a failing test opened by mistake. */
    private static final class VideoContentCloser {
        private VideoContentCloser() {
        }

        static void close(VideoContent content) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
