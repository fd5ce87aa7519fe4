package io.imagine4j.testkit.openai;

import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.imagine4j.testkit.openai.OpenAiClient.assertError;
import static io.imagine4j.testkit.openai.OpenAiClient.video;
import static org.assertj.core.api.Assertions.assertThat;

/** Remix, edits, extensions and delete: videos made from other videos, their lengths, and what they refuse. */
class OpenAiDerivedVideosTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(OpenAiSimulator::start);

    private static final String INVALID = "invalid_request_error";

    @Test
    void aRemixIsANewJobFromACompletedVideo(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String source = client.created("A fox #sim:instant", "model", "sora-2-pro", "seconds", "8", "size", "1024x1792");
        JsonObject remix = video(client.postJson("/videos/" + source + "/remix", "{\"prompt\":\"Now at night\"}"));
        assertThat(remix.string("id")).isNotEqualTo(source);
        assertThat(remix.string("status")).contains("queued");
        assertThat(remix.string("remixed_from_video_id")).contains(source);
        assertThat(remix.string("prompt")).contains("Now at night");
        assertThat(remix.string("model")).contains("sora-2-pro");
        assertThat(remix.string("seconds")).contains("8");
        assertThat(remix.string("size")).contains("1024x1792");
        openai.advance(Duration.ofSeconds(3));
        assertLength(client.content(remix.string("id").get(), "").body(), Duration.ofSeconds(8));
        assertThat(openai.jobs().get(1).params().kind()).isEqualTo(OpenAiJobKind.REMIX);
        assertThat(openai.calls(Call.SUBMIT)).isEqualTo(2);
    }

    @Test
    void aRemixBodyMayBeMultipartAndCarriesItsOwnDirectives(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String source = client.created("A fox #sim:instant");
        JsonObject remix = video(client.post("/videos/" + source + "/remix",
                MultipartBody.of(MultipartBody.Style.PYTHON).field("prompt", "Darker #sim:moderated,instant")));
        JsonObject finished = client.retrieved(remix.string("id").get());
        assertThat(finished.object("error").get().string("code")).contains("moderation_blocked");
    }

    @Test
    void onlyACompletedVideoCanBeRemixed(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String running = client.created("A fox");
        String failed = client.created("A fox #sim:fail,instant");
        assertError(client.postJson("/videos/" + running + "/remix", "{\"prompt\":\"x\"}"), 400, INVALID, null, null,
                "is queued; only a completed video can be remixed.");
        assertError(client.postJson("/videos/" + failed + "/remix", "{\"prompt\":\"x\"}"), 400, INVALID, null, null, "is failed");
        assertError(client.postJson("/videos/video_nope/remix", "{\"prompt\":\"x\"}"), 404, INVALID, null, null, "not found");
        assertError(client.postJson("/videos/" + running + "/remix", "{}"), 400, INVALID, "prompt", "missing_required_parameter", "'prompt'");
        assertError(client.postJson("/videos/" + running + "/remix", "{\"prompt\":\"x\",\"seconds\":\"8\"}"), 400, INVALID, "seconds",
                "unknown_parameter", "'seconds'");
        assertThat(openai.jobs()).hasSize(2);
    }

    @Test
    void anEditOfAnUploadKeepsItsLength(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        byte[] clip = SampleMp4.of(Duration.ofMillis(5_300));
        JsonObject edit = video(client.post("/videos/edits", MultipartBody.of(MultipartBody.Style.NODE).field("prompt", "Make it snow #sim:instant")
                .file("video", "clip.mp4", "video/mp4", clip)));
        assertThat(edit.string("seconds")).as("whole seconds on the wire").contains("5");
        assertThat(edit.get("remixed_from_video_id").get().toJson()).isEqualTo("null");
        assertLength(client.content(edit.string("id").get(), "").body(), Duration.ofMillis(5_300));
        assertThat(openai.jobs().get(0).params().kind()).isEqualTo(OpenAiJobKind.EDIT);
    }

    @Test
    void anEditOfAVideoByIdKeepsItsLengthModelAndSize(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String source = client.created("A fox #sim:instant", "seconds", "12", "size", "1280x720");
        JsonObject edit = video(client.postJson("/videos/edits", "{\"prompt\":\"Make it snow #sim:instant\",\"video\":{\"id\":\"" + source + "\"}}"));
        assertThat(edit.string("seconds")).contains("12");
        assertThat(edit.string("size")).contains("1280x720");
        assertLength(client.content(edit.string("id").get(), "").body(), Duration.ofSeconds(12));
        assertThat(openai.jobs().get(1).params().sourceVideoId()).contains(source);
    }

    @Test
    void anExtensionIsTheInputFollowedByTheNewSegment(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String source = client.created("A fox #sim:instant", "seconds", "8");
        // The Node SDK flattens {"id": …} into video[id] in its form.
        JsonObject byId = video(client.post("/videos/extensions", MultipartBody.of(MultipartBody.Style.NODE)
                .field("prompt", "The fox runs #sim:instant").field("seconds", "12").field("video[id]", source)));
        assertThat(byId.string("seconds")).as("the stitched total").contains("20");
        assertLength(client.content(byId.string("id").get(), "").body(), Duration.ofSeconds(20));

        JsonObject upload = video(client.post("/videos/extensions", MultipartBody.of(MultipartBody.Style.JAVA)
                .field("prompt", "The fox runs #sim:instant").field("seconds", "4")
                .file("video", "clip.mp4", "video/mp4", SampleMp4.of(Duration.ofMillis(2_500)))));
        assertThat(upload.string("seconds")).contains("7");
        assertLength(client.content(upload.string("id").get(), "").body(), Duration.ofMillis(6_500));
        assertThat(openai.jobs().get(2).params().kind()).isEqualTo(OpenAiJobKind.EXTENSION);
    }

    @Test
    void aVideoGivenAsJsonTextInAFormIsUnderstood(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String source = client.created("A fox #sim:instant", "seconds", "4");
        // curl -F 'video={"id":"video_…"}'
        JsonObject edit = video(client.post("/videos/edits", MultipartBody.of(MultipartBody.Style.CURL)
                .field("prompt", "Snow").field("video", "{\"id\":\"" + source + "\"}")));
        assertThat(edit.string("seconds")).contains("4");
    }

    @Test
    void extensionsNeedSecondsFromTheSpecsList(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String source = client.created("A fox #sim:instant");
        String video = "\"video\":{\"id\":\"" + source + "\"}";
        assertError(client.postJson("/videos/extensions", "{\"prompt\":\"x\"," + video + "}"), 400, INVALID, "seconds",
                "missing_required_parameter", "'seconds'");
        assertError(client.postJson("/videos/extensions", "{\"prompt\":\"x\",\"seconds\":\"6\"," + video + "}"), 400, INVALID, "seconds",
                "invalid_value", "Supported values are: '4', '8', '12', '16', and '20'.");
        assertError(client.postJson("/videos/extensions", "{\"prompt\":\"x\",\"seconds\":16," + video + "}"), 400, INVALID, "seconds",
                "invalid_type", "got an integer");
        assertThat(video(client.postJson("/videos/extensions", "{\"prompt\":\"x\",\"seconds\":\"16\"," + video + "}")).string("seconds"))
                .contains("20");
    }

    @Test
    void editsAndExtensionsRefuseWhatTheyCannotRead(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String running = client.created("A fox");
        assertError(client.postJson("/videos/edits", "{\"prompt\":\"x\"}"), 400, INVALID, "video", "missing_required_parameter", "'video'");
        assertError(client.postJson("/videos/edits", "{\"prompt\":\"x\",\"video\":{}}"), 400, INVALID, "video.id",
                "missing_required_parameter", "'video.id'");
        assertError(client.postJson("/videos/edits", "{\"prompt\":\"x\",\"video\":{\"url\":\"https://e.com/v.mp4\"}}"), 400, INVALID,
                "video.url", "unknown_parameter", "'video.url'");
        assertError(client.postJson("/videos/edits", "{\"prompt\":\"x\",\"video\":{\"id\":\"video_nope\"}}"), 404, INVALID, null, null,
                "Video with id 'video_nope' not found.");
        assertError(client.postJson("/videos/extensions", "{\"prompt\":\"x\",\"seconds\":\"4\",\"video\":{\"id\":\"" + running + "\"}}"), 400,
                INVALID, null, null, "only a completed video can be extended.");
        assertError(client.post("/videos/edits", MultipartBody.of(MultipartBody.Style.NODE).field("prompt", "x")
                        .file("video", "clip.mp4", "application/octet-stream", SampleMp4.of(Duration.ofSeconds(1)))), 400, INVALID, "video",
                "unsupported_file_type", "Supported mimetypes: 'video/mp4'.");
        assertError(client.post("/videos/edits", MultipartBody.of(MultipartBody.Style.NODE).field("prompt", "x")
                .file("video", "clip.mp4", "video/mp4", "not an mp4".getBytes())), 400, INVALID, "video", "invalid_video", "not a readable MP4");
        assertThat(openai.jobs()).hasSize(1);
    }

    @Test
    void aFinishedVideoIsDeletedWithItsContent(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String completed = client.created("A fox #sim:instant");
        String failed = client.created("A fox #sim:fail,instant");
        for (String id : new String[] {completed, failed}) {
            HttpResponse<byte[]> deleted = client.delete("/videos/" + id);
            assertThat(deleted.statusCode()).isEqualTo(200);
            assertThat(deleted.headers().firstValue("x-request-id")).isPresent();
            assertThat(Http.text(deleted))
                    .isEqualTo("{\"id\":\"" + id + "\",\"object\":\"video.deleted\",\"deleted\":true}");
            assertError(client.retrieve(id), 404, INVALID, null, null, "not found");
            assertError(client.delete("/videos/" + id), 404, INVALID, null, null, "not found");
        }
        assertError(client.content(completed, ""), 404, INVALID, null, null, "not found");
        assertThat(openai.jobs()).isEmpty();
        assertThat(openai.calls(Call.DELETE)).isEqualTo(4);
    }

    @Test
    void anUnfinishedVideoCannotBeDeleted(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String running = client.created("A fox");
        openai.advance(Duration.ofSeconds(1));
        assertError(client.delete("/videos/" + running), 400, INVALID, null, null,
                "is in_progress; only completed or failed videos can be deleted.");
        assertThat(client.retrieved(running).string("status")).contains("in_progress");
    }

    private static void assertLength(byte[] mp4, Duration expected) {
        assertThat(Mp4Header.duration(mp4).get()).isBetween(expected.minusMillis(100), expected.plusMillis(100));
    }
}
