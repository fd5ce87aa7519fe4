package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.time.VirtualScheduler;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money is never spent twice by accident: whatever goes wrong, the backend starts exactly one job
 * per submitted job, and a submit whose outcome is unknown is never sent again.
 */
class SubmissionSafetyTest {

    final VirtualScheduler time = VirtualScheduler.create();
    final List<JobEvent> events = new CopyOnWriteArrayList<>();
    VideoJobService jobs;

    @AfterEach
    void close() {
        jobs.close();
    }

    VideoJob submit(ScriptedProvider provider) {
        jobs = VideoJobService.builder(provider).scheduler(time).settings(VideoJobServiceTest.exact())
                .listener(events::add).build();
        return jobs.submit(VideoJobServiceTest.FOX);
    }

    static JobFailure failure(FailureKind kind, String code) {
        return JobFailure.of(kind, code, "injected " + code);
    }

    /** Faults after which the submit may have reached the backend: one POST, outcome unknown. */
    static Stream<Arguments> ambiguous() {
        return Stream.of(
                Arguments.of("connection reset after the request was sent", failure(FailureKind.UNAVAILABLE, "connection_reset")),
                Arguments.of("read timeout", failure(FailureKind.TIMEOUT, "read_timeout")),
                Arguments.of("HTTP 500", failure(FailureKind.PROVIDER_ERROR, "http_500")),
                Arguments.of("HTTP 502 from a gateway", failure(FailureKind.PROVIDER_ERROR, "http_502")),
                Arguments.of("unreadable answer", failure(FailureKind.PROTOCOL, "malformed_json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ambiguous")
    void an_ambiguous_failure_is_never_sent_again(String fault, JobFailure cause) throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider(time).loseNextSubmitAnswer(cause);
        VideoJob job = submit(provider);
        Either<JobFailure, GeneratedVideo> outcome = job.await(Duration.ofHours(2));

        assertThat(provider.submitted()).hasSize(1);
        assertThat(provider.jobsStarted()).isEqualTo(1);
        assertThat(outcome.getLeft().kind()).isEqualTo(FailureKind.SUBMISSION_OUTCOME_UNKNOWN);
        assertThat(outcome.getLeft().code()).isEqualTo(cause.code());
        assertThat(outcome.getLeft().message()).contains(cause.message()).contains("not sent again");
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.accepted()).isCompletedExceptionally();
    }

    @Test
    void an_adapter_that_throws_is_treated_as_ambiguous() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider(time).thenSubmit(s -> {
            throw new IllegalStateException("bug in adapter");
        });
        assertThat(submit(provider).await(Duration.ofHours(1)).getLeft().kind())
                .isEqualTo(FailureKind.SUBMISSION_OUTCOME_UNKNOWN);
        assertThat(provider.submitted()).hasSize(1);
    }

    @Test
    void with_idempotency_keys_an_ambiguous_submit_is_sent_again_under_the_same_key_and_starts_one_job()
            throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider(time, ProviderFeature.IDEMPOTENT_SUBMIT)
                .loseNextSubmitAnswer(failure(FailureKind.UNAVAILABLE, "connection_reset"));
        VideoJob job = submit(provider);
        assertThat(job.await(Duration.ofMinutes(5)).isRight()).isTrue();
        assertThat(provider.submitted()).hasSize(2).extracting(Submission::key).containsOnly(job.key());
        assertThat(provider.jobsStarted()).isEqualTo(1);
    }

    /** Refusals that surely started nothing and may pass: sent again, one job started in the end. */
    static Stream<Arguments> retryable() {
        return Stream.of(
                Arguments.of("429 with Retry-After", failure(FailureKind.RATE_LIMITED, "http_429")
                        .withRetryAfter(RetryAfter.of(Duration.ofSeconds(30))), Duration.ofSeconds(30)),
                Arguments.of("429 without Retry-After", failure(FailureKind.RATE_LIMITED, "http_429"), Duration.ofSeconds(1)),
                Arguments.of("503", failure(FailureKind.UNAVAILABLE, "http_503"), Duration.ofSeconds(1)),
                Arguments.of("connection refused", failure(FailureKind.UNAVAILABLE, "connection_refused"), Duration.ofSeconds(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retryable")
    void a_refusal_that_started_nothing_is_retried_after_the_right_wait(String fault, JobFailure refusal, Duration wait)
            throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider(time).refuseNextSubmit(refusal);
        VideoJob job = submit(provider);
        assertThat(job.await(Duration.ofMinutes(5)).isRight()).isTrue();
        assertThat(provider.submitted()).hasSize(2);
        assertThat(provider.jobsStarted()).isEqualTo(1);
        assertThat(events).filteredOn(JobEvent.SubmitRetrying.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((JobEvent.SubmitRetrying) e).retryIn()).isEqualTo(wait));
        assertThat(((JobEvent.Accepted) events.stream().filter(JobEvent.Accepted.class::isInstance).findFirst().get())
                .attempts()).isEqualTo(2);
    }

    @Test
    void a_refusal_that_keeps_coming_ends_after_the_attempt_limit_having_started_nothing() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider(time);
        for (int i = 0; i < 10; i++) {
            provider.refuseNextSubmit(failure(FailureKind.RATE_LIMITED, "http_429"));
        }
        JobFailure failure = submit(provider).await(Duration.ofHours(1)).getLeft();
        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(provider.submitted()).hasSize(ServiceSettings.defaults().maxSubmitAttempts());
        assertThat(provider.jobsStarted()).isZero();
    }

    static Stream<Arguments> finalRefusals() {
        return Stream.of(
                Arguments.of(failure(FailureKind.AUTHENTICATION, "http_401")),
                Arguments.of(failure(FailureKind.PERMISSION, "http_403")),
                Arguments.of(failure(FailureKind.INVALID_REQUEST, "invalid_argument")),
                Arguments.of(failure(FailureKind.QUOTA, "insufficient_credits")),
                Arguments.of(failure(FailureKind.MODERATION, "prompt_moderated")));
    }

    @ParameterizedTest
    @MethodSource("finalRefusals")
    void a_final_refusal_is_reported_as_is_after_one_post(JobFailure refusal) throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider(time).refuseNextSubmit(refusal);
        JobFailure failure = submit(provider).await(Duration.ofHours(1)).getLeft();
        assertThat(failure).isEqualTo(refusal);
        assertThat(provider.submitted()).hasSize(1);
    }

    /** Faults after the submit: polls and downloads retry freely, and never touch the submit. */
    static Stream<Arguments> laterFaults() {
        Consumer<ScriptedProvider> pollFaults = p -> p
                .thenPoll(Either.left(failure(FailureKind.PROVIDER_ERROR, "http_500")))
                .thenPoll(Either.left(failure(FailureKind.UNAVAILABLE, "connection_reset")))
                .thenPoll(Either.left(failure(FailureKind.PROTOCOL, "malformed_json")))
                .thenPoll(Either.left(failure(FailureKind.RATE_LIMITED, "http_429")));
        Consumer<ScriptedProvider> contentFaults = p -> p
                .thenContent(offset -> Either.left(failure(FailureKind.PROVIDER_ERROR, "http_502")))
                .thenContent(offset -> Either.right(p.breakingAfter(offset, 100)));
        Consumer<ScriptedProvider> staleUpdates = p -> p
                .thenPoll(Either.right(JobUpdate.running("pending").withProgress(90)))
                .thenPoll(Either.right(JobUpdate.queued("queued")));
        return Stream.of(Arguments.of("poll faults", pollFaults), Arguments.of("download faults", contentFaults),
                Arguments.of("stale updates", staleUpdates));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laterFaults")
    void faults_after_the_submit_never_cause_a_second_one(String name, Consumer<ScriptedProvider> faults, @TempDir Path dir)
            throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider(time);
        faults.accept(provider);
        VideoJob job = submit(provider);
        GeneratedVideo video = job.await(Duration.ofMinutes(10)).get();
        assertThat(jobs.download(video, dir.resolve("out.mp4")).isRight()).isTrue();
        assertThat(provider.submitted()).hasSize(1);
        assertThat(provider.jobsStarted()).isEqualTo(1);
    }
}
