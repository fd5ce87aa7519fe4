package io.imagine4j.openai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.CapabilityCheck;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.testkit.contract.SampleInputs;
import io.imagine4j.testkit.openai.OpenAiJob;
import io.imagine4j.testkit.openai.OpenAiJobKind;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.JournalEntry;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the OpenAI-compatible API, over real HTTP against the OpenAI simulator, checked in its journal. */
class OpenAiVideoProviderTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(OpenAiSimulator::start);

    OpenAiSimulator sim;
    OpenAiVideoProvider openai;

    @BeforeEach
    void connect() {
        sim = OPENAI.get();
        openai = OpenAiVideos.builder().apiKey("sk-test-key-0123456789").baseUrl(sim.baseUrl()).build();
    }

    static JobId submit(OpenAiVideoProvider provider, VideoRequest request) {
        SubmitOutcome outcome = provider.submit(Submission.of(SubmissionKey.random(), request, provider.capabilities()));
        assertThat(outcome).as("submit of %s", request).isInstanceOf(SubmitOutcome.Accepted.class);
        return ((SubmitOutcome.Accepted) outcome).jobId();
    }

    JobId submit(VideoRequest request) {
        return submit(openai, request);
    }

    OpenAiJob job(JobId id) {
        return sim.job(id.value()).get().params();
    }

    JournalEntry last(String method) {
        List<JournalEntry> entries = sim.journal().entries(e -> e.method().equals(method));
        return entries.get(entries.size() - 1);
    }

    GeneratedVideo finished(JobId id) {
        sim.advance(Duration.ofSeconds(5));
        JobUpdate done = openai.poll(id).get();
        assertThat(done.status()).as("%s", done).isEqualTo(JobStatus.SUCCEEDED);
        return done.result().get();
    }

    static byte[] read(Either<JobFailure, VideoContent> opened) throws IOException {
        assertThat(opened.isRight()).as("%s", opened).isTrue();
        try (VideoContent content = opened.get()) {
            return content.body().readAllBytes();
        }
    }

    @Nested
    class Creating {
        @Test
        void a_multipart_create_sends_seconds_as_a_string_and_the_size_of_the_aspect_ratio() {
            JobId id = submit(VideoRequest.textToVideo("A red fox").with(o -> o.withDurationSeconds(8)
                    .withAspectRatio(AspectRatio.LANDSCAPE_16_9).withResolution(Resolution.P720)));

            assertThat(id.provider()).isEqualTo("openai");
            assertThat(job(id).seconds()).isEqualTo("8");
            assertThat(job(id).size()).isEqualTo("1280x720");
            assertThat(job(id).model()).isEqualTo("sora-2");
            JournalEntry post = last("POST");
            assertThat(post.path()).isEqualTo("/v1/videos");
            assertThat(post.headers().first("Content-Type").get()).startsWith("multipart/form-data; boundary=");
            assertThat(post.headers().first("Authorization").get()).isEqualTo("Bearer sk-test-key-0123456789");
        }

        @Test
        void portrait_is_720x1280_and_sora_2_pro_at_1024p_is_1792x1024() {
            JobId portrait = submit(VideoRequest.textToVideo("A tall fox").with(o -> o.withAspectRatio(AspectRatio.PORTRAIT_9_16)));
            JobId wide = submit(VideoRequest.textToVideo("A wide fox").with(o -> o.withModel("sora-2-pro")
                    .withAspectRatio(AspectRatio.LANDSCAPE_16_9).withResolution(Resolution.parse("1024p"))));
            JobId tall = submit(VideoRequest.textToVideo("A tall pro fox").with(o -> o.withModel("sora-2-pro")
                    .withResolution(Resolution.parse("1024p"))));

            assertThat(job(portrait).size()).isEqualTo("720x1280");
            assertThat(job(wide).size()).isEqualTo("1792x1024");
            assertThat(job(tall).size()).isEqualTo("1024x1792");
        }

        @Test
        void an_exact_size_goes_through_the_typed_option() {
            JobId id = submit(VideoRequest.textToVideo("A fox").with(OpenAiOptions.size("1280x720")));

            assertThat(job(id).size()).isEqualTo("1280x720");
        }

        @Test
        void a_size_the_model_does_not_offer_is_refused_before_anything_is_sent() {
            Seq<Violation> violations = CapabilityCheck.check(VideoRequest.textToVideo("A fox").with(OpenAiOptions.size("1792x1024")),
                    openai.capabilities()).getError();

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("size");
                assertThat(v.allowed()).contains("720x1280", "1280x720");
            });
        }

        @Test
        void an_image_file_goes_as_a_streamed_file_part_with_its_name_and_type(@TempDir Path dir) throws IOException {
            Path image = Files.write(dir.resolve("first-frame.png"), Images.png(1280, 720));

            JobId id = submit(VideoRequest.imageToVideo("The fox runs", MediaSource.file(image))
                    .with(o -> o.withAspectRatio(AspectRatio.LANDSCAPE_16_9).withDurationSeconds(4)));

            assertThat(job(id).inputReference().get()).isEqualTo("file first-frame.png (image/png)");
            assertThat(job(id).size()).isEqualTo("1280x720");
            assertThat(last("POST").bodySize()).isGreaterThan((int) Files.size(image));
        }

        @Test
        void image_bytes_get_a_file_name_and_the_type_of_their_magic_bytes() {
            JobId id = submit(VideoRequest.imageToVideo("The fox runs", MediaSource.bytes(Images.jpeg(720, 1280))));

            assertThat(job(id).inputReference().get()).isEqualTo("file input_reference.jpg (image/jpeg)");
            assertThat(job(id).size()).isEqualTo("720x1280");
        }

        @Test
        void a_public_image_url_goes_by_reference() {
            java.net.URI url = sim.publish("frame.png", "image/png", Images.png(720, 1280));

            JobId id = submit(VideoRequest.imageToVideo("The fox runs", MediaSource.url(url)));

            assertThat(job(id).inputReference().get()).startsWith("image_url http");
        }

        @Test
        void an_uploaded_file_id_goes_as_the_input_reference() {
            JobId id = submit(VideoRequest.textToVideo("The fox runs").with(OpenAiOptions.inputFileId("file-abc123")));

            assertThat(job(id).inputReference().get()).isEqualTo("file_id file-abc123");
        }

        @Test
        void json_bodies_carry_the_image_as_a_data_url_and_seconds_as_a_string() {
            OpenAiVideoProvider json = OpenAiVideos.builder().apiKey("k").baseUrl(sim.baseUrl()).encoding(BodyEncoding.JSON).build();

            JobId id = submit(json, VideoRequest.imageToVideo("The fox runs", MediaSource.bytes(Images.png(720, 1280)))
                    .with(o -> o.withDurationSeconds(12)));

            assertThat(last("POST").headers().first("Content-Type").get()).startsWith("application/json");
            assertThat(job(id).seconds()).isEqualTo("12");
            assertThat(job(id).inputReference().get()).startsWith("image_url data:image/png;base64,");
        }
    }

    @Nested
    class InputImages {
        @Test
        void an_image_of_another_size_is_refused_naming_both_sizes_and_nothing_is_sent() {
            VideoRequest request = VideoRequest.imageToVideo("The fox runs", MediaSource.bytes(Images.png(640, 480)))
                    .with(o -> o.withAspectRatio(AspectRatio.LANDSCAPE_16_9));

            Seq<Violation> violations = CapabilityCheck.check(request, openai.capabilities()).getError();

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("image");
                assertThat(v.message()).contains("640x480", "1280x720", "fitInputImages");
            });
            assertThat(sim.journal().size()).isZero();
        }

        @Test
        void a_webp_is_measured_from_its_header(@TempDir Path dir) throws IOException {
            // The simulator's thumbnail is a real lossless WebP of 320x176.
            JobId video = submit(VideoRequest.textToVideo("A fox"));
            byte[] webp = read(openai.openContent(finished(video), ContentVariant.THUMBNAIL, 0));

            Seq<Violation> violations = CapabilityCheck.check(VideoRequest.imageToVideo("Run", MediaSource.bytes(webp)),
                    openai.capabilities()).getError();

            assertThat(violations).singleElement().satisfies(v -> assertThat(v.message()).contains("320x176", "720x1280"));
        }

        @Test
        void with_fitting_on_the_image_is_scaled_and_padded_to_the_size_at_submit() {
            OpenAiVideoProvider fitting = OpenAiVideos.builder().apiKey("k").baseUrl(sim.baseUrl()).fitInputImages(true).build();

            JobId id = submit(fitting, VideoRequest.imageToVideo("The fox runs", MediaSource.bytes(Images.jpeg(640, 480)))
                    .with(o -> o.withAspectRatio(AspectRatio.LANDSCAPE_16_9)));

            // The simulator checks the pixel size of the file part as OpenAI does: it accepted a 1280x720 PNG.
            assertThat(job(id).inputReference().get()).isEqualTo("file input_reference.png (image/png)");
            assertThat(job(id).size()).isEqualTo("1280x720");
        }
    }

    @Nested
    class ChainedInputs {
        @Test
        void an_edit_uploads_a_local_mp4_as_a_file_part(@TempDir Path dir) throws IOException {
            Path clip = Files.write(dir.resolve("clip.mp4"), SampleInputs.mp4());

            JobId id = submit(VideoRequest.edit("Make it snow", MediaSource.file(clip)));

            assertThat(job(id).kind()).isEqualTo(OpenAiJobKind.EDIT);
            assertThat(job(id).length()).isEqualTo(SampleInputs.VIDEO_LENGTH);
            assertThat(last("POST").path()).isEqualTo("/v1/videos/edits");
        }

        @Test
        void an_extension_of_a_previous_result_sends_its_id_and_the_segment_seconds() {
            GeneratedVideo fox = finished(submit(VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(8))));

            JobId id = submit(VideoRequest.extend("It jumps", MediaSource.of(fox)).with(o -> o.withDurationSeconds(12)));

            assertThat(job(id).kind()).isEqualTo(OpenAiJobKind.EXTENSION);
            assertThat(job(id).sourceVideoId().get()).isEqualTo(fox.jobId().value());
            assertThat(job(id).seconds()).isEqualTo("20");
        }

        @Test
        void an_edit_of_a_job_known_only_by_id_sends_that_id() {
            JobId fox = submit(VideoRequest.textToVideo("A fox"));
            sim.advance(Duration.ofSeconds(5));

            JobId id = submit(VideoRequest.edit("Make it snow", MediaSource.ofJob(fox)));

            assertThat(job(id).sourceVideoId().get()).isEqualTo(fox.value());
        }

        @Test
        void a_remix_posts_the_new_prompt_to_the_source_video() {
            GeneratedVideo fox = finished(submit(VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(8))));

            JobId id = submit(VideoRequest.remix("The same fox at night", fox));
            JobId byId = submit(VideoRequest.remix("The same fox at dawn", fox.jobId()));

            assertThat(job(id).kind()).isEqualTo(OpenAiJobKind.REMIX);
            assertThat(job(id).remixedFromVideoId().get()).isEqualTo(fox.jobId().value());
            assertThat(job(byId).remixedFromVideoId().get()).isEqualTo(fox.jobId().value());
            assertThat(last("POST").path()).isEqualTo("/v1/videos/" + fox.jobId().value() + "/remix");
            assertThat(finished(id).details()).containsEntry("remixed_from_video_id", fox.jobId().value());
        }

        @Test
        void a_result_of_another_provider_is_refused_before_anything_is_sent() {
            Seq<Violation> violations = CapabilityCheck.check(VideoRequest.edit("Snow", MediaSource.ofJob(JobId.of("xai", "req-1"))),
                    openai.capabilities()).getError();

            assertThat(violations).singleElement().satisfies(v -> assertThat(v.message()).contains("xai", "local file"));
        }
    }

    @Nested
    class Results {
        @Test
        void a_finished_video_has_its_length_expiry_and_size_and_downloads_with_the_key() throws IOException {
            GeneratedVideo video = finished(submit(VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(8)
                    .withAspectRatio(AspectRatio.LANDSCAPE_16_9))));

            assertThat(video.duration().get()).isEqualTo(Duration.ofSeconds(8));
            assertThat(video.expiresAt().get()).isEqualTo(sim.job(video.jobId().value()).get().endsAt().plus(Duration.ofHours(24)));
            assertThat(video.details()).containsEntry("size", "1280x720").containsEntry("model", "sora-2");
            byte[] mp4 = read(openai.openContent(video, 0));
            assertThat(Mp4Header.duration(mp4).get()).isEqualTo(Duration.ofSeconds(8));
            assertThat(last("GET").headers().first("Authorization").get()).isEqualTo("Bearer sk-test-key-0123456789");
        }

        @Test
        void the_thumbnail_is_a_webp_and_the_spritesheet_a_jpeg() throws IOException {
            GeneratedVideo video = finished(submit(VideoRequest.textToVideo("A fox")));

            assertThat(MagicBytes.sniff(read(openai.openContent(video, ContentVariant.THUMBNAIL, 0))).get()).isEqualTo(MediaType.WEBP);
            assertThat(MagicBytes.sniff(read(openai.openContent(video, ContentVariant.SPRITESHEET, 0))).get()).isEqualTo(MediaType.JPEG);
            assertThat(sim.journal().entries(e -> e.call() == Call.CONTENT)).extracting(JournalEntry::query)
                    .containsExactly("variant=thumbnail", "variant=spritesheet");
        }

        @Test
        void delete_removes_a_finished_video_and_a_running_one_is_refused() {
            JobId done = submit(VideoRequest.textToVideo("A fox"));
            sim.advance(Duration.ofSeconds(5));
            JobId running = submit(VideoRequest.textToVideo("Another fox"));

            assertThat(openai.delete(done).get()).isEqualTo(done);
            assertThat(openai.poll(done).getLeft().kind()).isEqualTo(FailureKind.NOT_FOUND);
            assertThat(openai.delete(running).getLeft().kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        }
    }
}
