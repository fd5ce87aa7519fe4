package io.imagine4j.core.model;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapabilityCheckTest {

    private final ProviderCapabilities caps = SampleCapabilities.xaiLike();

    @Test
    void a_valid_request_comes_back_with_its_model_named() {
        VideoRequest request = VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(8));
        assertThat(CapabilityCheck.check(request, caps).get().request().options().model()).contains("video-1");
        VideoRequest chosen = request.with(o -> o.withModel("video-text"));
        assertThat(CapabilityCheck.require(chosen, caps).request()).isEqualTo(chosen);
    }

    @Test
    void every_violation_is_reported_at_once_with_field_value_and_what_is_allowed() {
        VideoRequest request = VideoRequest.textToVideo(" ").with(o -> o.withDurationSeconds(20)
                .withAspectRatio(AspectRatio.parse("5:4")).withResolution(Resolution.P1080));
        Seq<Violation> violations = CapabilityCheck.check(request, caps).getError();
        assertThat(violations.map(Violation::field)).containsExactly("prompt", "duration", "aspectRatio", "resolution");
        assertThat(violations.map(Violation::message)).containsExactly(
                "prompt: (only white space) is not enough: describe the video you want (allowed: a non-empty text)",
                "duration: 20 s is not accepted for text-to-video on video-1 (allowed: 1–15 s)",
                "aspectRatio: 5:4 is not accepted for text-to-video on video-1 (allowed: 1:1, 16:9 or 9:16)",
                "resolution: 1080p is not accepted for text-to-video on video-1 (allowed: 480p or 720p)");
    }

    @Test
    void fractional_durations_are_refused_even_inside_the_range() {
        VideoRequest request = VideoRequest.textToVideo("A fox").with(o -> o.withDuration(Duration.ofMillis(2_500)));
        assertThat(CapabilityCheck.check(request, caps).getError().head().message()).startsWith("duration: 2.5 s is not accepted");
    }

    @Test
    void an_unknown_model_names_the_known_ones() {
        VideoRequest request = VideoRequest.textToVideo("A fox").with(o -> o.withModel("sora-9"));
        Violation violation = CapabilityCheck.check(request, caps).getError().single();
        assertThat(violation.message()).isEqualTo("model: sora-9 is not a model of sample (allowed: video-1, video-text)");
    }

    @Test
    void gateways_accept_any_model_name_with_their_fallback_limits() {
        ProviderCapabilities gateway = ProviderCapabilities.builder("gateway")
                .defaultModel("sora-2")
                .otherModels(ModelCapabilities.named("*").kind(RequestKind.TEXT_TO_VIDEO,
                        RequestLimits.builder().durations(4, 8, 12).build()))
                .build();
        VideoRequest request = VideoRequest.textToVideo("A fox").with(o -> o.withModel("vendor/any-model").withDurationSeconds(5));
        Validation<Seq<Violation>, CheckedRequest> checked = CapabilityCheck.check(request, gateway);
        assertThat(checked.getError().single().message())
                .isEqualTo("duration: 5 s is not accepted for text-to-video on vendor/any-model (allowed: 4, 8 or 12 s)");
    }

    @Nested
    class Unsupported {
        @Test
        void a_kind_the_model_lacks_is_the_typed_unsupported_error_with_every_other_problem() {
            VideoRequest request = VideoRequest.edit("", MediaSource.url("https://example.com/a.mp4"))
                    .with(o -> o.withModel("video-text"));
            assertThatThrownBy(() -> CapabilityCheck.require(request, caps))
                    .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> {
                        assertThat(e.violations()).extracting(Violation::field).containsExactly("prompt", "kind");
                        assertThat(e.getMessage()).isEqualTo("2 problems keep the request from being sent to sample: "
                                + "prompt: (empty) is not enough: describe the video you want (allowed: a non-empty text); "
                                + "kind: edit is not offered by sample model video-text (allowed: text-to-video)");
                    });
        }

        @Test
        void options_a_kind_does_not_take_are_unsupported() {
            VideoRequest request = VideoRequest.edit("Snow", MediaSource.url("https://example.com/a.mp4"))
                    .with(o -> o.withDurationSeconds(5).withAspectRatio(AspectRatio.SQUARE).withAudio(true));
            assertThatThrownBy(() -> CapabilityCheck.require(request, caps))
                    .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e ->
                            assertThat(e.violations()).extracting(Violation::message).containsExactly(
                                    "duration: 5 s cannot be chosen for edit on video-1; the result's length follows its input",
                                    "aspectRatio: 1:1 cannot be chosen for edit on video-1; leave it unset",
                                    "audio: true cannot be switched on video-1; leave it unset"));
        }

        @Test
        void an_input_source_kind_the_provider_cannot_take_is_unsupported() {
            ProviderCapabilities urlsOnly = ProviderCapabilities.builder("hub").model(ModelCapabilities.named("m")
                    .kind(RequestKind.EDIT, RequestLimits.builder().inputTypes(MediaType.MP4)
                            .inputSources(MediaSource.Kind.URL).build())).build();
            VideoRequest request = VideoRequest.edit("Snow", MediaSource.bytes(Mp4Boxes.mp4(1000, 3_000, 10)));
            assertThat(CapabilityCheck.check(request, urlsOnly).getError().single().message())
                    .isEqualTo("video: 42 bytes cannot be given as bytes in memory for edit on m (allowed: a public URL)".replace("42",
                            String.valueOf(Mp4Boxes.mp4(1000, 3_000, 10).length)));
        }

        @Test
        void invalid_but_supported_values_are_not_called_unsupported() {
            VideoRequest request = VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(99));
            assertThatThrownBy(() -> CapabilityCheck.require(request, caps))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("The request cannot be sent to sample: duration: 99 s is not accepted for text-to-video"
                            + " on video-1 (allowed: 1–15 s)");
        }
    }

    @Nested
    class Inputs {
        @TempDir
        Path dir;

        @Test
        void an_edit_input_longer_than_allowed_is_measured_from_its_mp4_header() throws IOException {
            Path clip = write("long.mp4", Mp4Boxes.mp4(1000, 9_000, 1_000));
            Violation violation = check(VideoRequest.edit("Snow", MediaSource.file(clip))).single();
            assertThat(violation.message()).isEqualTo("video: " + clip
                    + " is 9 s long, outside what is accepted for edit on video-1 (allowed: at most 8.7 s)");
            assertThat(violation.reason()).isEqualTo(Violation.Reason.NOT_ALLOWED);
        }

        @Test
        void an_edit_input_of_exactly_the_limit_passes() throws IOException {
            Path clip = write("ok.mp4", Mp4Boxes.mp4(1000, 8_700, 1_000));
            assertThat(CapabilityCheck.check(VideoRequest.edit("Snow", MediaSource.file(clip)), caps).isValid()).isTrue();
        }

        @Test
        void in_memory_and_data_uri_videos_are_measured_too() {
            byte[] video = Mp4Boxes.mp4(1000, 1_000, 10);
            assertThat(check(VideoRequest.extend("More", MediaSource.bytes(video))).single().message())
                    .contains("is 1 s long").contains("(allowed: 2–15 s)");
            String data = "data:video/mp4;base64," + Base64.getEncoder().encodeToString(video);
            assertThat(check(VideoRequest.extend("More", MediaSource.url(data))).single().message()).contains("is 1 s long");
        }

        @Test
        void a_png_given_as_a_video_is_named_by_its_real_type() throws IOException {
            Path fake = write("clip.mp4", MagicBytesTest.PNG);
            assertThat(check(VideoRequest.edit("Snow", MediaSource.file(fake))).single().message())
                    .isEqualTo("video: " + fake + " is image/png, not accepted for edit on video-1 (allowed: video/mp4)");
        }

        @Test
        void an_unrecognisable_file_is_refused() throws IOException {
            Path text = write("notes.png", "hello".getBytes());
            assertThat(check(VideoRequest.imageToVideo("Go", MediaSource.file(text))).single().message())
                    .contains("is not in a format imagine4j recognises (allowed: image/png, image/jpeg or image/webp)");
        }

        @Test
        void a_missing_file_is_unreadable() {
            Violation violation = check(VideoRequest.edit("Snow", MediaSource.file(dir.resolve("nope.mp4")))).single();
            assertThat(violation.reason()).isEqualTo(Violation.Reason.UNREADABLE);
            assertThat(violation.message()).contains("does not exist");
        }

        @Test
        void an_mp4_without_a_readable_duration_is_reported() throws IOException {
            Path broken = write("broken.mp4", Mp4Boxes.ftyp());
            assertThat(check(VideoRequest.edit("Snow", MediaSource.file(broken))).single().message())
                    .contains("has no readable MP4 duration");
        }

        @Test
        void oversized_inputs_are_refused() {
            byte[] big = new byte[10_000_001];
            System.arraycopy(MagicBytesTest.PNG, 0, big, 0, MagicBytesTest.PNG.length);
            assertThat(check(VideoRequest.imageToVideo("Go", MediaSource.bytes(big))).single().message())
                    .contains("is 10000001 bytes, too large to send").contains("(allowed: at most 10000000 bytes, or a public URL to it)");
        }

        @Test
        void a_data_uri_is_checked_as_the_content_it_holds() {
            assertThat(check(VideoRequest.imageToVideo("Go", MediaSource.url("data:text/plain;base64,aGVsbG8="))).single().message())
                    .contains("is not in a format imagine4j recognises (allowed: image/png, image/jpeg or image/webp)");
            Violation broken = check(VideoRequest.imageToVideo("Go", MediaSource.url("data:image/png;base64,@@@"))).single();
            assertThat(broken.reason()).isEqualTo(Violation.Reason.UNREADABLE);
            assertThat(broken.message()).contains("cannot be read (its content is not valid base64)");
        }

        @Test
        void a_remote_video_is_left_for_the_provider_to_measure() {
            assertThat(CapabilityCheck.check(VideoRequest.edit("Snow", MediaSource.url("https://example.com/a.mp4")), caps)
                    .isValid()).isTrue();
        }

        private Seq<Violation> check(VideoRequest request) {
            return CapabilityCheck.check(request, caps).getError();
        }

        private Path write(String name, byte[] content) throws IOException {
            Path file = dir.resolve(name);
            Files.write(file, content);
            return file;
        }
    }
}
