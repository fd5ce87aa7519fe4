package io.imagine4j.xai;

import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole xAI request over real HTTP: reference images, keyframes, reference audio, storage in the
 * Files API, an upload URL and the end-user tag, with local inputs inlined; and every rule of the
 * spec refused before any network call, all at once.
 */
class XaiFullRequestTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    private static final MediaSource REMOTE_PNG = MediaSource.url("https://example.com/shirt.png");

    XaiSimulator sim;
    XaiVideoProvider xai;

    @BeforeEach
    void connect() {
        sim = XAI.get();
        xai = XaiVideo.builder().apiKey("test-key").baseUrl(sim.baseUrl()).build();
    }

    JsonObject sent(VideoRequest request) {
        SubmitOutcome outcome = xai.submit(Submission.of(SubmissionKey.random(), request, xai.capabilities()));
        assertThat(outcome).as("%s", outcome).isInstanceOf(SubmitOutcome.Accepted.class);
        // The simulator keeps the body as compact JSON text; the testkit's own reader reads it back.
        return (JsonObject) JsonReader.parse(sim.job(((SubmitOutcome.Accepted) outcome).jobId().value()).get().params().sent());
    }

    List<Violation> refused(VideoRequest request) {
        try {
            Submission.of(SubmissionKey.random(), request, xai.capabilities());
        } catch (InvalidRequestException e) {
            assertThat(sim.calls(Call.SUBMIT)).as("nothing was sent").isZero();
            return e.violations();
        }
        throw new AssertionError("the request passed the check: " + request);
    }

    static String json(JsonObject body, String field) {
        return body.get(field).map(value -> value.toJson()).getOrElse("(absent)");
    }

    @Test
    void reference_images_go_as_urls_and_local_ones_inline(@TempDir Path dir) throws Exception {
        Path model = Files.write(dir.resolve("model.bin"), Samples.png());
        JsonObject body = sent(VideoRequest.textToVideo("The model from <IMAGE_1> in the shirt from <IMAGE_2>")
                .with(o -> o.withDurationSeconds(10).withResolution(Resolution.P720))
                .with(XaiOptions.referenceImages(MediaSource.file(model), REMOTE_PNG)));
        assertThat(json(body, "reference_images"))
                .isEqualTo("[{\"url\":\"data:image/png;base64,\u2026\"},{\"url\":\"https://example.com/shirt.png\"}]");
        assertThat(body.has("image")).isFalse();
        // By hand, as the JSON xAI takes, with a Files API file: the same.
        JsonObject raw = sent(VideoRequest.textToVideo("Two references").with(o -> o.withExtra("reference_images",
                List.of(Map.of("url", "https://example.com/a.jpg"), Map.of("file_id", "file-7")))));
        assertThat(json(raw, "reference_images")).isEqualTo("[{\"url\":\"https://example.com/a.jpg\"},{\"file_id\":\"file-7\"}]");
    }

    @Test
    void keyframes_pin_images_inside_an_image_to_video_clip() {
        JsonObject body = sent(VideoRequest.imageToVideo("A fox crosses the field", MediaSource.bytes(Samples.png()))
                .with(o -> o.withDurationSeconds(6))
                .with(XaiOptions.keyframe(Duration.ofMillis(2_500), MediaSource.bytes(Samples.png())))
                .with(XaiOptions.keyframe(Duration.ofSeconds(4), REMOTE_PNG)));
        assertThat(json(body, "keyframes")).isEqualTo("[{\"image\":{\"url\":\"data:image/png;base64,\u2026\"},\"timestamp_s\":2.5},"
                + "{\"image\":{\"url\":\"https://example.com/shirt.png\"},\"timestamp_s\":4}]");
        assertThat(json(body, "image")).isEqualTo("{\"url\":\"data:image/png;base64,\u2026\"}");
    }

    @Test
    void reference_audio_goes_as_a_clip_inline_or_a_preset_voice() {
        JsonObject body = sent(VideoRequest.textToVideo("<AUDIO_0> greets <AUDIO_1>")
                .with(XaiOptions.referenceAudio(MediaSource.bytes(Samples.wav(3))))
                .with(XaiOptions.referenceVoice("ara")));
        assertThat(json(body, "reference_audios")).isEqualTo("[{\"url\":\"data:audio/wav;base64,\u2026\"},{\"voice_id\":\"ara\"}]");
    }

    @Test
    void storage_an_upload_url_and_the_end_user_go_where_the_spec_has_them(@TempDir Path dir) {
        URI upload = URI.create("https://bucket.example.com/out.mp4?X-Amz-Signature=secret");
        VideoRequest generation = VideoRequest.textToVideo("Fox")
                .with(o -> o.withEndUser("user-42"))
                .with(XaiOptions.storeAs("fox.mp4", Duration.ofDays(7)))
                .with(XaiOptions.publicUrl(Duration.ofHours(2)))
                .with(XaiOptions.uploadTo(upload));
        assertThat(generation.options().toString()).doesNotContain("secret");
        JsonObject body = sent(generation);
        assertThat(json(body, "storage_options"))
                .isEqualTo("{\"filename\":\"fox.mp4\",\"expires_after\":604800,\"public_url\":{\"expires_after\":7200}}");
        assertThat(json(body, "output")).isEqualTo("{\"upload_url\":\"" + upload + "\"}");
        assertThat(json(body, "user")).isEqualTo("\"user-42\"");

        Path clip = Samples.mp4(dir, "clip.mp4", Duration.ofSeconds(3));
        JsonObject edit = sent(VideoRequest.edit("Snow", MediaSource.file(clip)).with(o -> o.withEndUser("user-42"))
                .with(XaiOptions.storeAs("snow.mp4")).with(XaiOptions.publicUrl()));
        assertThat(json(edit, "user")).isEqualTo("\"user-42\"");
        assertThat(json(edit, "storage_options")).isEqualTo("{\"filename\":\"snow.mp4\",\"public_url\":true}");
        JsonObject extension = sent(VideoRequest.extend("On", MediaSource.file(clip)).with(o -> o.withEndUser("user-42")));
        assertThat(extension.has("user")).as("the extension endpoint has no user field").isFalse();
    }

    @Test
    void the_stored_file_comes_back_on_the_result() {
        SubmitOutcome outcome = xai.submit(Submission.of(SubmissionKey.random(), VideoRequest.textToVideo("Fox")
                .with(XaiOptions.storeAs("fox.mp4", Duration.ofHours(1))).with(XaiOptions.publicUrl()), xai.capabilities()));
        JobId id = ((SubmitOutcome.Accepted) outcome).jobId();
        sim.advance(Duration.ofMinutes(1));
        GeneratedVideo video = xai.poll(id).get().result().get();
        assertThat(video.details()).containsEntry("file_output.file_id", "file-" + id.value())
                .containsEntry("file_output.filename", "fox.mp4").containsKey("file_output.expires_at")
                .containsKey("file_output.public_url");
    }

    @Test
    void every_rule_of_reference_to_video_is_checked_before_any_call_and_reported_at_once() {
        List<MediaSource> eight = Collections.nCopies(8, REMOTE_PNG);
        List<Violation> violations = refused(VideoRequest.imageToVideo("Fox", MediaSource.bytes(Samples.png()))
                .with(o -> o.withModel("grok-imagine-video-1.5").withDurationSeconds(12).withResolution(Resolution.P1080))
                .with(XaiOptions.referenceImages(eight))
                .with(XaiOptions.keyframe(Duration.ofSeconds(3), REMOTE_PNG)));
        assertThat(violations).extracting(Violation::field)
                .containsExactlyInAnyOrder("reference_images", "reference_images", "keyframes", "duration", "resolution");
        assertThat(violations).extracting(Violation::message).anySatisfy(m -> assertThat(m).contains("are more than xAI takes (allowed: at most 7)"))
                .anySatisfy(m -> assertThat(m).contains("cannot be combined: only one mode can be active per request"))
                .anySatisfy(m -> assertThat(m).contains("12 s is too long with references (reference-to-video) (allowed: at most 10 s)"))
                .anySatisfy(m -> assertThat(m).contains("1080p is not offered with references"));
    }

    @Test
    void keyframes_are_at_most_four_strictly_inside_the_clip() {
        VideoRequest request = VideoRequest.textToVideo("Fox").with(o -> o.withDurationSeconds(5));
        for (int second : new int[] {0, 1, 2, 3, 5}) {
            request = request.with(XaiOptions.keyframe(Duration.ofSeconds(second), REMOTE_PNG));
        }
        assertThat(refused(request)).extracting(Violation::message).containsExactlyInAnyOrder(
                "keyframes: 5 keyframes are more than xAI takes (allowed: at most 4)",
                "keyframes[0].timestamp_s: 0 s is not strictly inside the clip (allowed: more than 0 s and less than 5 s)",
                "keyframes[4].timestamp_s: 5 s is not strictly inside the clip (allowed: more than 0 s and less than 5 s)");
        // Without a duration, the clip is xAI's default 8 s long.
        assertThat(refused(VideoRequest.textToVideo("Fox").with(XaiOptions.keyframe(Duration.ofSeconds(9), REMOTE_PNG))))
                .extracting(Violation::message).containsExactly(
                        "keyframes[0].timestamp_s: 9 s is not strictly inside the clip (allowed: more than 0 s and less than 8 s)");
    }

    @Test
    void images_and_clips_in_the_extras_are_checked_like_inputs(@TempDir Path dir) {
        XaiVideoProvider small = XaiVideo.builder().apiKey("k").baseUrl(sim.baseUrl()).maxInlineImageBytes(50).build();
        List<Violation> violations;
        try {
            Submission.of(SubmissionKey.random(), VideoRequest.textToVideo("Fox")
                    .with(XaiOptions.referenceImages(MediaSource.bytes(Samples.gif()), MediaSource.bytes(Samples.png()),
                            MediaSource.file(dir.resolve("missing.png")), MediaSource.ofJob(JobId.of("xai", "earlier"))))
                    .with(XaiOptions.referenceAudio(MediaSource.bytes(Samples.wav(16))))
                    .with(XaiOptions.referenceAudio(MediaSource.bytes(Samples.png()))), small.capabilities());
            throw new AssertionError("passed the check");
        } catch (InvalidRequestException e) {
            violations = e.violations();
        }
        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "reference_images[0]: " + Samples.gif().length + " bytes is image/gif, not an image xAI takes (allowed: image/png, image/jpeg or image/webp)",
                "reference_images[1]: " + Samples.png().length + " bytes is " + Samples.png().length
                        + " bytes, too large to send inline (allowed: at most 50 bytes, or a public URL to it)",
                "reference_images[2]: " + dir.resolve("missing.png") + " does not exist (allowed: a readable local file or a public URL)",
                "reference_images[3]: the result of job xai:earlier is a video, not an image (allowed: a public URL, a data: URI, a local file or bytes)",
                "reference_audios[0]: " + Samples.wav(16).length + " bytes is 16.0 s long (allowed: at most 15 s)",
                "reference_audios[1]: " + Samples.png().length + " bytes is not an audio format xAI takes inline (allowed: WAV, MP3, Ogg or FLAC)");
        assertThat(sim.calls(Call.SUBMIT)).isZero();
    }

    @Test
    void extras_are_refused_where_the_spec_does_not_have_them_and_in_shapes_it_does_not_take() {
        assertThatThrownBy(() -> Submission.of(SubmissionKey.random(), VideoRequest.edit("Snow", MediaSource.url("https://example.com/a.mp4"))
                .with(XaiOptions.referenceImages(REMOTE_PNG)), xai.capabilities()))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("reference_images: 1 item cannot be sent with edit: xAI takes it on generations only");
        assertThat(refused(VideoRequest.textToVideo("Fox").with(XaiOptions.storeAs("a.mp4", Duration.ofDays(31)))
                .with(XaiOptions.publicUrl(Duration.ofMinutes(5))))).extracting(Violation::message).containsExactlyInAnyOrder(
                "storage_options.expires_after: 2678400 s is not a lifetime xAI accepts (allowed: 1 s to 30 days (2592000 s))",
                "storage_options.public_url.expires_after: 300 s is not a lifetime xAI accepts (allowed: 1 hour to 30 days (3600–2592000 s))");
        assertThat(refused(VideoRequest.textToVideo("Fox").with(o -> o.withExtra("storage_options", Map.of("expires_after", 60))
                .withExtra("output", Map.of("upload_url", "data:video/mp4;base64,AA==")).withExtra("keyframes", "soon"))))
                .extracting(Violation::field).containsExactlyInAnyOrder("storage_options.filename", "output.upload_url", "keyframes");
        assertThat(sim.calls(Call.SUBMIT)).isZero();
    }

    @Test
    void an_image_to_video_may_run_on_the_image_alone() {
        JsonObject body = sent(VideoRequest.imageToVideo("", MediaSource.bytes(Samples.png())));
        assertThat(body.has("prompt")).isFalse();
    }
}
