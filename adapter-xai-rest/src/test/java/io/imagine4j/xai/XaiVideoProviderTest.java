package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.sim.ApiKeys;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every quirk of xAI's video API, over real HTTP against the xAI simulator. */
class XaiVideoProviderTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    XaiSimulator sim;
    XaiVideoProvider xai;

    @BeforeEach
    void connect() {
        sim = XAI.get();
        xai = XaiVideo.builder().apiKey("test-key").baseUrl(sim.baseUrl()).build();
    }

    JobId submit(VideoRequest request) {
        SubmitOutcome outcome = xai.submit(Submission.of(SubmissionKey.random(), request, xai.capabilities()));
        assertThat(outcome).isInstanceOf(SubmitOutcome.Accepted.class);
        return ((SubmitOutcome.Accepted) outcome).jobId();
    }

    JobUpdate poll(JobId id) {
        Either<JobFailure, JobUpdate> answer = xai.poll(id);
        assertThat(answer.isRight()).as("poll answered %s", answer).isTrue();
        return answer.get();
    }

    @Nested
    class Submitting {
        @Test
        void a_generation_sends_every_option_under_xai_field_names() {
            JobId id = submit(VideoRequest.textToVideo("A red fox").with(o -> o.withDurationSeconds(6)
                    .withAspectRatio(io.imagine4j.core.model.AspectRatio.PORTRAIT_9_16).withResolution(Resolution.P720)
                    .withModel("grok-imagine-video-1.5")));
            assertThat(id.provider()).isEqualTo("xai");
            var job = sim.job(id.value()).get().params();
            assertThat(job.model().id()).isEqualTo("grok-imagine-video-1.5");
            assertThat(job.reportedSeconds()).isEqualTo(6);
            assertThat(job.aspectRatio()).contains("9:16");
            assertThat(job.resolution()).contains("720p");
            assertThat(sim.calls(Call.SUBMIT)).isEqualTo(1);
        }

        @Test
        void the_default_model_is_named_explicitly() {
            JobId id = submit(VideoRequest.textToVideo("A red fox"));
            assertThat(sim.job(id.value()).get().params().model().id()).isEqualTo("grok-imagine-video");
        }

        @Test
        void a_local_image_goes_inline_as_a_data_uri_typed_by_its_bytes(@TempDir Path dir) throws IOException {
            Path image = java.nio.file.Files.write(dir.resolve("frame.bin"), Samples.png());
            JobId id = submit(VideoRequest.imageToVideo("Make it move", MediaSource.file(image)));
            assertThat(sim.job(id.value())).isNotEmpty();
        }

        @Test
        void a_local_video_goes_inline_and_an_edit_keeps_its_length(@TempDir Path dir) {
            Path clip = Samples.mp4(dir, "clip.mp4", Duration.ofMillis(4_300));
            JobId id = submit(VideoRequest.edit("Make it snow", MediaSource.file(clip)));
            sim.advance(Duration.ofMinutes(1));
            GeneratedVideo video = poll(id).result().get();
            assertThat(video.duration().get()).isBetween(Duration.ofMillis(4_000), Duration.ofMillis(4_400));
            assertThat(Mp4Header.duration(content(video, 0)).get()).isCloseTo(Duration.ofMillis(4_300), Duration.ofMillis(100));
        }

        @Test
        void an_extension_is_the_input_followed_by_the_new_segment(@TempDir Path dir) {
            Path clip = Samples.mp4(dir, "ten.mp4", Duration.ofSeconds(10));
            JobId id = submit(VideoRequest.extend("The fox jumps", MediaSource.file(clip)).with(o -> o.withDurationSeconds(5)));
            sim.advance(Duration.ofMinutes(1));
            GeneratedVideo video = poll(id).result().get();
            assertThat(video.duration()).contains(Duration.ofSeconds(15));
            assertThat(Mp4Header.duration(content(video, 0)).get()).isCloseTo(Duration.ofSeconds(15), Duration.ofMillis(100));
        }

        @Test
        void inputs_the_models_refuse_are_refused_before_any_call(@TempDir Path dir) {
            Path tooLong = Samples.mp4(dir, "long.mp4", Duration.ofSeconds(9));
            assertThatThrownBy(() -> xai.submit(Submission.of(SubmissionKey.random(),
                    VideoRequest.edit("Snow", MediaSource.file(tooLong)), xai.capabilities())))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("9 s long").hasMessageContaining("at most 8.7 s");
            assertThatThrownBy(() -> xai.submit(Submission.of(SubmissionKey.random(),
                    VideoRequest.textToVideo("Fox").with(o -> o.withResolution(Resolution.P1080)), xai.capabilities())))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("1080p");
            assertThatThrownBy(() -> xai.submit(Submission.of(SubmissionKey.random(),
                    VideoRequest.extend("More", MediaSource.url("https://example.com/a.mp4")).with(o -> o.withDurationSeconds(12)), xai.capabilities())))
                    .hasMessageContaining("allowed: 2–10 s");
            assertThat(sim.calls(Call.SUBMIT)).isZero();
        }

        @Test
        void options_xai_does_not_take_are_the_typed_unsupported_error() {
            assertThatThrownBy(() -> xai.submit(Submission.of(SubmissionKey.random(),
                    VideoRequest.edit("Snow", MediaSource.url("https://example.com/a.mp4")).with(o -> o.withDurationSeconds(5)), xai.capabilities())))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThatThrownBy(() -> xai.cancel(JobId.of("xai", "x"))).isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("xai does not offer cancel");
            assertThat(sim.calls(Call.SUBMIT)).isZero();
        }

        @Test
        void a_video_too_large_to_inline_names_the_way_out(@TempDir Path dir) {
            XaiVideoProvider small = XaiVideo.builder().apiKey("k").baseUrl(sim.baseUrl()).maxInlineVideoBytes(1_000).build();
            Path clip = Samples.mp4(dir, "clip.mp4", Duration.ofSeconds(3));
            assertThatThrownBy(() -> small.submit(Submission.of(SubmissionKey.random(), VideoRequest.edit("Snow", MediaSource.file(clip)), small.capabilities())))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("too large to send").hasMessageContaining("or a public URL to it");
            assertThat(sim.calls(Call.SUBMIT)).isZero();
        }

        @Test
        void extras_pass_through_but_may_not_shadow_fields() {
            // A shadowing extra is a violation of the capability check: refused before anything is sent.
            assertThatThrownBy(() -> Submission.of(SubmissionKey.random(),
                    VideoRequest.textToVideo("Fox").with(o -> o.withExtra("duration", 3)), xai.capabilities()))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("duration: an extra would overwrite a field imagine4j sets from the request");
            JobId id = submit(VideoRequest.textToVideo("Fox").with(o -> o.withExtra("storage_options",
                    java.util.Map.of("filename", "fox.mp4"))));
            assertThat(sim.job(id.value()).get().params().storage()).isNotEmpty();
            assertThat(sim.calls(Call.SUBMIT)).isEqualTo(1);
        }

        @Test
        void an_overloaded_api_refuses_with_its_retry_after() {
            sim.failNext(Call.SUBMIT, new Fault.RateLimited(Option.some(Duration.ofSeconds(30))));
            SubmitOutcome outcome = xai.submit(Submission.of(SubmissionKey.random(), VideoRequest.textToVideo("Fox"), xai.capabilities()));
            JobFailure failure = ((SubmitOutcome.Refused) outcome).failure();
            assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(failure.retryAfter().get().delay()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void a_connection_reset_after_the_request_left_is_ambiguous_after_exactly_one_post() {
            sim.failNext(Call.SUBMIT, new Fault.ConnectionReset());
            SubmitOutcome outcome = xai.submit(Submission.of(SubmissionKey.random(), VideoRequest.textToVideo("Fox"), xai.capabilities()));
            assertThat(outcome).isInstanceOf(SubmitOutcome.Ambiguous.class);
            assertThat(sim.calls(Call.SUBMIT)).isEqualTo(1);
            assertThat(sim.jobs()).hasSize(1); // the job was started: a second POST would have paid twice
        }
    }

    @Nested
    class Polling {
        @Test
        void pending_is_a_202_with_progress_and_done_carries_the_video_under_video_url() {
            sim.enqueue(Scenario.succeedsAfter(Duration.ofSeconds(10)));
            JobId id = submit(VideoRequest.textToVideo("Fox").with(o -> o.withDurationSeconds(3)));
            assertThat(poll(id).status()).isEqualTo(JobStatus.QUEUED);
            sim.advance(Duration.ofSeconds(5));
            JobUpdate running = poll(id);
            assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(running.progress()).contains(35);
            assertThat(running.rawStatus()).isEqualTo("pending");
            sim.advance(Duration.ofSeconds(5));
            JobUpdate done = poll(id);
            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            GeneratedVideo video = done.result().get();
            assertThat(video.duration()).contains(Duration.ofSeconds(3));
            assertThat(video.costUsd()).contains(new BigDecimal("0.15"));
            assertThat(video.location().toString()).startsWith(sim.rootUrl().toString());
        }

        @Test
        void an_empty_202_means_still_pending() {
            JobId id = submit(VideoRequest.textToVideo("Fox"));
            sim.failNext(Call.POLL, new Fault.EmptyBody());
            JobUpdate update = poll(id);
            assertThat(update.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(update.progress()).isEmpty();
        }

        @Test
        void moderation_as_http_400_on_the_poll_is_a_terminal_billed_outcome_not_an_error() {
            sim.enqueue(Scenario.moderated());
            JobId id = submit(VideoRequest.textToVideo("Fox"));
            sim.advance(Duration.ofMinutes(1));
            JobUpdate update = poll(id);
            assertThat(update.status()).isEqualTo(JobStatus.FAILED);
            JobFailure failure = update.failure().get();
            assertThat(failure.kind()).isEqualTo(FailureKind.MODERATION);
            assertThat(failure.code()).isEqualTo("imagine:content-moderated");
            // 8 s at the simulator's 0.05 USD a second, billed although withheld: the field, not only the text.
            assertThat(failure.costUsd()).contains(new BigDecimal("0.4"));
            assertThat(failure.message()).contains("billed");
            assertThat(failure.jobId()).contains(id);
        }

        @Test
        void a_done_with_respect_moderation_false_and_no_url_is_moderation_too() {
            JobId id = submit(VideoRequest.textToVideo("Fox #sim:moderated=flag"));
            sim.advance(Duration.ofMinutes(1));
            JobUpdate update = poll(id);
            assertThat(update.status()).isEqualTo(JobStatus.FAILED);
            assertThat(update.failure().get().kind()).isEqualTo(FailureKind.MODERATION);
            assertThat(update.failure().get().message()).contains("respect_moderation: false");
            assertThat(update.failure().get().costUsd()).contains(new BigDecimal("0.4"));
        }

        @Test
        void a_result_keeps_its_file_output_model_and_expiry() {
            JobId id = submit(VideoRequest.textToVideo("Fox").with(o -> o.withExtra("storage_options",
                    java.util.Map.of("filename", "fox.mp4", "expires_after", 3600, "public_url", true))));
            sim.advance(Duration.ofMinutes(1));
            java.time.Instant polledAt = java.time.Instant.now();
            GeneratedVideo video = poll(id).result().get();
            assertThat(video.details()).containsEntry("model", "grok-imagine-video")
                    .containsEntry("file_output.file_id", "file-" + id.value())
                    .containsEntry("file_output.filename", "fox.mp4")
                    .containsEntry("file_output.public_url", video.location().toString())
                    .containsKey("file_output.expires_at");
            assertThat(video.expiresAt().get()).isAfterOrEqualTo(polledAt.plus(Duration.ofHours(24)));
        }

        @Test
        void failed_jobs_carry_the_provider_code_mapped_to_a_kind() {
            sim.enqueue(Scenario.fails("invalid_argument", "The prompt is not usable."));
            sim.enqueue(Scenario.fails("internal_error", "Engine crashed."));
            JobId bad = submit(VideoRequest.textToVideo("Fox"));
            JobId broken = submit(VideoRequest.textToVideo("Fox"));
            sim.advance(Duration.ofMinutes(1));
            assertThat(poll(bad).failure().get()).satisfies(f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
                assertThat(f.code()).isEqualTo("invalid_argument");
                assertThat(f.message()).contains("The prompt is not usable.");
            });
            assertThat(poll(broken).failure().get().kind()).isEqualTo(FailureKind.PROVIDER_ERROR);
        }

        @Test
        void expired_jobs_end_expired() {
            sim.enqueue(Scenario.expires());
            JobId id = submit(VideoRequest.textToVideo("Fox"));
            sim.advance(Duration.ofMinutes(1));
            assertThat(poll(id).status()).isEqualTo(JobStatus.EXPIRED);
        }

        @Test
        void an_unknown_id_is_not_found() {
            Either<JobFailure, JobUpdate> answer = xai.poll(JobId.of("xai", "no-such-request"));
            assertThat(answer.getLeft().kind()).isEqualTo(FailureKind.NOT_FOUND);
            assertThat(answer.getLeft().jobId()).contains(JobId.of("xai", "no-such-request"));
        }

        @Test
        void transient_poll_failures_are_typed_and_left_for_the_service_to_retry() {
            JobId id = submit(VideoRequest.textToVideo("Fox"));
            sim.failNext(Call.POLL, new Fault.RateLimited(Option.some(Duration.ofSeconds(7))));
            sim.failNext(Call.POLL, new Fault.ServerError(503));
            sim.failNext(Call.POLL, new Fault.MalformedJson());
            assertThat(xai.poll(id).getLeft()).satisfies(f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
                assertThat(f.retryAfter().get().delay()).isEqualTo(Duration.ofSeconds(7));
            });
            assertThat(xai.poll(id).getLeft().kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(xai.poll(id).getLeft().kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(xai.poll(id).isRight()).isTrue();
        }
    }

    @Nested
    class Keys {
        @Test
        void a_wrong_key_answered_as_400_incorrect_api_key_is_an_authentication_failure() {
            try (XaiSimulator strict = XaiSimulator.start(SimulatorOptions.forTests().withKeys(ApiKeys.exactly("right-key")))) {
                XaiVideoProvider wrong = XaiVideo.builder().apiKey("wrong-key-123").baseUrl(strict.baseUrl()).build();
                SubmitOutcome outcome = wrong.submit(Submission.of(SubmissionKey.random(), VideoRequest.textToVideo("Fox"), wrong.capabilities()));
                JobFailure failure = ((SubmitOutcome.Refused) outcome).failure();
                assertThat(failure.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                assertThat(failure.message()).doesNotContain("wrong-key-123");
                assertThat(wrong.poll(JobId.of("xai", "x")).getLeft().kind()).isEqualTo(FailureKind.AUTHENTICATION);
            }
        }

        @Test
        void the_key_never_reaches_a_result_url() {
            JobId id = submit(VideoRequest.textToVideo("Fox"));
            sim.advance(Duration.ofMinutes(1));
            GeneratedVideo video = poll(id).result().get();
            assertThat(content(video, 0)).isNotEmpty();
            assertThat(sim.journal().entries(e -> e.call() == Call.CONTENT)).isNotEmpty();
            assertThat(sim.credentialLeaks()).isEmpty();
        }
    }

    @Nested
    class Content {
        @Test
        void resumes_from_an_offset_and_an_expired_link_is_expired() {
            JobId id = submit(VideoRequest.textToVideo("Fox").with(o -> o.withDurationSeconds(2)));
            sim.advance(Duration.ofMinutes(1));
            GeneratedVideo video = poll(id).result().get();
            byte[] whole = content(video, 0);
            byte[] rest = content(video, 1_000);
            assertThat(rest).isEqualTo(java.util.Arrays.copyOfRange(whole, 1_000, whole.length));
            sim.failNext(Call.CONTENT, new Fault.ExpiredResult());
            JobFailure expired = xai.openContent(video, 0).getLeft();
            assertThat(expired.kind()).isEqualTo(FailureKind.EXPIRED);
            assertThat(expired.jobId()).contains(id);
        }
    }

    byte[] content(GeneratedVideo video, long offset) {
        try (VideoContent content = xai.openContent(video, offset).get(); InputStream body = content.body()) {
            assertThat(content.offset()).isEqualTo(offset);
            return body.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
