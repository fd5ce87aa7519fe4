package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.vavr.control.Either;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shape a poll answer takes, over real HTTP: xAI's native one, the guide's flat finished
 * answer, a gateway's {@code completed}, the OpenAI-SDK route's {@code data[0].url}, and a broken
 * {@code done} without a video, which is a protocol failure and never moderation.
 */
class XaiAnswerShapesTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    XaiSimulator sim;
    XaiVideoProvider xai;

    @BeforeEach
    void connect() {
        sim = XAI.get();
        xai = XaiVideo.builder().apiKey("test-key").baseUrl(sim.baseUrl()).build();
    }

    JobId submit(String prompt) {
        SubmitOutcome outcome = xai.submit(Submission.of(SubmissionKey.random(),
                VideoRequest.textToVideo(prompt).with(o -> o.withDurationSeconds(4)), xai.capabilities()));
        return ((SubmitOutcome.Accepted) outcome).jobId();
    }

    JobUpdate poll(JobId id) {
        Either<JobFailure, JobUpdate> answer = xai.poll(id);
        assertThat(answer.isRight()).as("poll answered %s", answer).isTrue();
        return answer.get();
    }

    @Test
    void the_guides_flat_answer_without_a_status_is_a_result() {
        JobId id = submit("A fox #sim:answer=flat");
        assertThat(poll(id).status().isTerminal()).isFalse();
        sim.advance(Duration.ofMinutes(1));
        Instant before = Instant.now();
        JobUpdate done = poll(id);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        GeneratedVideo video = done.result().get();
        assertThat(video.location().toString()).isEqualTo(sim.rootUrl() + "/results/xai-video-" + id.value() + ".mp4");
        assertThat(video.duration()).contains(Duration.ofSeconds(4));
        assertThat(video.costUsd()).isEmpty(); // the guide's shape reports no usage
        assertThat(video.expiresAt().get()).isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
    }

    @Test
    void a_gateways_queued_processing_completed_are_read_by_meaning() {
        sim.enqueue(Scenario.succeedsAfter(Duration.ofSeconds(10)));
        JobId id = submit("A fox #sim:answer=gateway");
        assertThat(poll(id).status()).isEqualTo(JobStatus.QUEUED);
        sim.advance(Duration.ofSeconds(5));
        JobUpdate running = poll(id);
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.rawStatus()).isEqualTo("processing");
        assertThat(running.progress()).contains(35);
        sim.advance(Duration.ofSeconds(5));
        JobUpdate done = poll(id);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.rawStatus()).isEqualTo("completed");
        assertThat(done.result().get().costUsd()).contains(new BigDecimal("0.2"));
    }

    @Test
    void the_openai_sdk_routes_completed_with_data_0_url_is_a_result() {
        sim.enqueue(Scenario.succeedsAfter(Duration.ofSeconds(10)));
        JobId id = submit("A fox #sim:answer=openai");
        assertThat(poll(id).status()).isEqualTo(JobStatus.QUEUED);
        sim.advance(Duration.ofSeconds(5));
        assertThat(poll(id).rawStatus()).isEqualTo("in_progress");
        sim.advance(Duration.ofSeconds(5));
        JobUpdate done = poll(id);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.result().get().location().toString()).endsWith("/results/xai-video-" + id.value() + ".mp4");
        assertThat(done.result().get().duration()).contains(Duration.ofSeconds(4));
    }

    @Test
    void a_done_without_a_video_is_a_protocol_failure_of_the_poll_never_moderation() {
        JobId id = submit("A fox #sim:answer=bare");
        sim.advance(Duration.ofMinutes(1));
        JobFailure failure = xai.poll(id).getLeft();
        assertThat(failure.kind()).isEqualTo(FailureKind.PROTOCOL);
        assertThat(failure.code()).isEqualTo("done_without_video");
        assertThat(failure.jobId()).contains(id);
        assertThat(failure.message()).contains("no moderation verdict");
    }

    @Test
    void a_flat_answer_with_respect_moderation_false_is_moderation() {
        JobId id = submit("A fox #sim:answer=flat,moderated=flag");
        sim.advance(Duration.ofMinutes(1));
        JobUpdate update = poll(id);
        assertThat(update.status()).isEqualTo(JobStatus.FAILED);
        assertThat(update.failure().get().kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(update.failure().get().costUsd()).isEmpty();
    }

    @Test
    void through_the_service_a_job_whose_done_never_names_a_video_ends_as_protocol_after_a_few_polls() throws InterruptedException {
        try (XaiSimulator realTime = XaiSimulator.start(SimulatorOptions.realTime());
             VideoJobs jobs = VideoJobService.builder(XaiVideo.builder().apiKey("k").baseUrl(realTime.baseUrl()).build())
                     .settings(ServiceSettings.defaults().withMaxProtocolErrors(3)
                             .withPollBackoff(Backoff.of(Duration.ofMillis(20), 1.5, Duration.ofMillis(100), 0.2)))
                     .build()) {
            JobFailure failure = jobs.submit(VideoRequest.textToVideo("A fox #sim:time=50ms,answer=bare"))
                    .await(Duration.ofSeconds(20)).getLeft();
            assertThat(failure.kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(failure.code()).isEqualTo("done_without_video");
            assertThat(realTime.calls(Call.POLL)).isGreaterThanOrEqualTo(3);
        }
    }
}
