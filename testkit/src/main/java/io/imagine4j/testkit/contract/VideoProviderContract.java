package io.imagine4j.testkit.contract;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
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
