package io.imagine4j.testkit.fake;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.Scenario;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every wire fault, on every call, comes out as the domain outcome a careful adapter reports. */
class FakeFaultTranslationTest {

    static final VideoRequest FOX = VideoRequest.textToVideo("A red fox running through snow");
    static final Option<Duration> SEVEN = Option.some(Duration.ofSeconds(7));

    final FakeVideoProvider fake = FakeVideoProvider.create();

    @AfterEach
    void close() {
        fake.close();
    }

    SubmitOutcome submit() {
        return fake.submit(Submission.of(SubmissionKey.random(), FOX, fake.capabilities()));
    }

    JobId accepted() {
        return ((SubmitOutcome.Accepted) submit()).jobId();
    }

    static Stream<Arguments> submitFaults() {
        return Stream.of(
                arguments(new Fault.RateLimited(SEVEN), SubmitOutcome.Refused.class, FailureKind.RATE_LIMITED, 0),
                arguments(new Fault.ServerError(503), SubmitOutcome.Refused.class, FailureKind.UNAVAILABLE, 0),
                arguments(new Fault.ServerError(500), SubmitOutcome.Ambiguous.class, FailureKind.PROVIDER_ERROR, 1),
                arguments(new Fault.ServerError(504), SubmitOutcome.Ambiguous.class, FailureKind.PROVIDER_ERROR, 1),
                arguments(new Fault.ConnectionReset(), SubmitOutcome.Ambiguous.class, FailureKind.SUBMISSION_OUTCOME_UNKNOWN, 1),
                arguments(new Fault.MalformedJson(), SubmitOutcome.Ambiguous.class, FailureKind.PROTOCOL, 1),
                arguments(new Fault.EmptyBody(), SubmitOutcome.Ambiguous.class, FailureKind.PROTOCOL, 1),
                arguments(new Fault.Unauthorized(), SubmitOutcome.Refused.class, FailureKind.AUTHENTICATION, 0),
                arguments(new Fault.BadRequest("No."), SubmitOutcome.Refused.class, FailureKind.INVALID_REQUEST, 0),
                arguments(new Fault.NotFound(), SubmitOutcome.Refused.class, FailureKind.NOT_FOUND, 0));
    }

    @ParameterizedTest
    @MethodSource("submitFaults")
    void a_submit_fault_refuses_or_leaves_the_outcome_unknown_and_creates_the_job_only_when_it_may_have_started(
            Fault fault, Class<? extends SubmitOutcome> expected, FailureKind kind, int jobsCreated) {
        fake.failNext(Call.SUBMIT, fault);

        SubmitOutcome outcome = submit();

        assertThat(outcome).isInstanceOf(expected);
        JobFailure failure = outcome instanceof SubmitOutcome.Refused refused ? refused.failure()
                : ((SubmitOutcome.Ambiguous) outcome).cause();
        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.message()).isNotBlank();
        assertThat(fake.jobs()).hasSize(jobsCreated);
        assertThat(fake.calls(Call.SUBMIT)).isEqualTo(1);
        assertThat(fake.journal()).singleElement().satisfies(call -> assertThat(call.fault().getOrNull()).isEqualTo(fault));
    }

    @Test
    void a_rate_limited_submit_carries_retry_after() {
        fake.failNext(Call.SUBMIT, new Fault.RateLimited(SEVEN));
        SubmitOutcome.Refused refused = (SubmitOutcome.Refused) submit();
        assertThat(refused.failure().retryAfter().map(RetryAfter::delay).getOrNull()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void faults_that_mean_nothing_for_a_submit_leave_it_accepted() {
        fake.failNext(Call.SUBMIT, new Fault.SlowBody(Duration.ofSeconds(30)));
        fake.failNext(Call.SUBMIT, new Fault.ExpiredResult());
        fake.failNext(Call.SUBMIT, new Fault.StreamDrop());
        assertThat(Stream.generate(this::submit).limit(3)).allSatisfy(o -> assertThat(o).isInstanceOf(SubmitOutcome.Accepted.class));
    }

    static Stream<Arguments> callFaults() {
        return Stream.of(
                arguments(new Fault.RateLimited(SEVEN), FailureKind.RATE_LIMITED),
                arguments(new Fault.ServerError(503), FailureKind.UNAVAILABLE),
                arguments(new Fault.ServerError(500), FailureKind.PROVIDER_ERROR),
                arguments(new Fault.ServerError(502), FailureKind.PROVIDER_ERROR),
                arguments(new Fault.ConnectionReset(), FailureKind.UNAVAILABLE),
                arguments(new Fault.MalformedJson(), FailureKind.PROTOCOL),
                arguments(new Fault.Unauthorized(), FailureKind.AUTHENTICATION),
                arguments(new Fault.BadRequest("No."), FailureKind.INVALID_REQUEST),
                arguments(new Fault.NotFound(), FailureKind.NOT_FOUND),
                arguments(new Fault.ExpiredResult(), FailureKind.EXPIRED));
    }

    @ParameterizedTest
    @MethodSource("callFaults")
    void a_poll_fault_is_a_typed_left_naming_the_job(Fault fault, FailureKind kind) {
        JobId jobId = accepted();
        fake.failNext(Call.POLL, fault);

        JobFailure failure = fake.poll(jobId).getLeft();

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.jobId().getOrNull()).isEqualTo(jobId);
        assertThat(fake.poll(jobId).isRight()).as("the next poll").isTrue();
    }

    @ParameterizedTest
    @MethodSource("callFaults")
    void a_cancel_fault_is_a_typed_left(Fault fault, FailureKind kind) {
        JobId jobId = accepted();
        fake.failNext(Call.CANCEL, fault);
        assertThat(fake.cancel(jobId).getLeft().kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @MethodSource("callFaults")
    void a_content_fault_is_a_typed_left(Fault fault, FailureKind kind) {
        GeneratedVideo video = finishedVideo();
        fake.failNext(Call.CONTENT, fault);
        assertThat(fake.openContent(video, 0).getLeft().kind()).isEqualTo(kind);
        assertThat(fake.openContent(video, 0).isRight()).as("the next open").isTrue();
    }

    @Test
    void an_empty_pending_poll_answer_is_the_pending_status_without_progress() {
        JobId jobId = accepted();
        fake.advance(Duration.ofSeconds(2));
        assertThat(fake.poll(jobId).get().progress().isDefined()).isTrue();
        fake.failNext(Call.POLL, new Fault.EmptyBody());

        JobUpdate update = fake.poll(jobId).get();

        assertThat(update.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(update.progress().isEmpty()).isTrue();
        assertThat(update.rawStatus()).isEmpty();
    }

    @Test
    void a_slow_body_still_arrives() {
        GeneratedVideo video = finishedVideo();
        fake.failNext(Call.CONTENT, new Fault.SlowBody(Duration.ofSeconds(20)));
        fake.failNext(Call.POLL, new Fault.SlowBody(Duration.ofSeconds(20)));
        Either<JobFailure, VideoContent> opened = fake.openContent(video, 0);
        assertThat(opened.isRight()).isTrue();
        assertThat(fake.poll(video.jobId()).get().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void a_cancel_whose_answer_was_lost_still_cancelled_the_job() {
        JobId jobId = accepted();
        fake.failNext(Call.CANCEL, new Fault.ConnectionReset());
        assertThat(fake.cancel(jobId).getLeft().kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(fake.poll(jobId).get().status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void a_cancel_refused_by_a_server_error_changed_nothing() {
        JobId jobId = accepted();
        fake.failNext(Call.CANCEL, new Fault.ServerError(500));
        assertThat(fake.cancel(jobId).isLeft()).isTrue();
        assertThat(fake.poll(jobId).get().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void a_scenarios_faults_hit_its_own_job_only_and_only_as_often_as_planned() {
        fake.enqueue(Scenario.succeeds().withFault(new io.imagine4j.testkit.scenario.FaultPlan(Call.POLL, new Fault.ServerError(503), 2)));
        JobId flaky = accepted();
        JobId steady = accepted();

        assertThat(fake.poll(steady).isRight()).isTrue();
        assertThat(fake.poll(flaky).getLeft().kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(fake.poll(steady).isRight()).isTrue();
        assertThat(fake.poll(flaky).getLeft().kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(fake.poll(flaky).isRight()).isTrue();
    }

    @Test
    void directive_faults_count_down_per_job() {
        JobId jobId = ((SubmitOutcome.Accepted) fake.submit(Submission.of(SubmissionKey.random(),
                VideoRequest.textToVideo("A fox #sim:poll-503x2,content-expired"), fake.capabilities()))).jobId();
        assertThat(fake.poll(jobId).isLeft()).isTrue();
        assertThat(fake.poll(jobId).isLeft()).isTrue();
        assertThat(fake.poll(jobId).isRight()).isTrue();
        fake.advance(Duration.ofSeconds(5));
        GeneratedVideo video = fake.poll(jobId).get().result().get();
        assertThat(fake.openContent(video, 0).getLeft().kind()).isEqualTo(FailureKind.EXPIRED);
    }

    @Test
    void global_faults_come_before_a_scenarios_own() {
        fake.enqueue(Scenario.succeeds().withFault(io.imagine4j.testkit.scenario.FaultPlan.once(Call.POLL, new Fault.NotFound())));
        JobId jobId = accepted();
        fake.failNext(Call.POLL, new Fault.Unauthorized());
        assertThat(fake.poll(jobId).getLeft().kind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(fake.poll(jobId).getLeft().kind()).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(fake.poll(jobId).isRight()).isTrue();
    }

    @Test
    void an_unknown_directive_is_refused_as_an_invalid_request_naming_the_vocabulary() {
        SubmitOutcome outcome = fake.submit(Submission.of(SubmissionKey.random(), VideoRequest.textToVideo("A fox #sim:explode"), fake.capabilities()));
        JobFailure failure = ((SubmitOutcome.Refused) outcome).failure();
        assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(failure.message()).contains("explode", "moderated");
        assertThat(fake.jobs()).isEmpty();
    }

    GeneratedVideo finishedVideo() {
        fake.enqueue(Scenario.instant());
        return fake.poll(accepted()).get().result().get();
    }
}
