package io.imagine4j.testkit.openai;

import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Directives;
import io.imagine4j.testkit.sim.SimJob;
import io.imagine4j.testkit.sim.SimulatorClock;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import static io.imagine4j.testkit.openai.OpenAiClient.assertError;
import static io.imagine4j.testkit.openai.OpenAiClient.video;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /videos}: multipart as each SDK builds it, JSON, the answered Video object, and validation as the API does it. */
class OpenAiCreateTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(OpenAiSimulator::start);

    private static final String INVALID = "invalid_request_error";

    @ParameterizedTest
    @EnumSource(MultipartBody.Style.class)
    void aMultipartCreateFromEverySdkAnswersAQueuedVideo(MultipartBody.Style style, OpenAiSimulator openai) throws IOException {
        MultipartBody body = MultipartBody.of(style).field("model", "sora-2-pro").field("prompt", "A fox in the snow")
                .field("seconds", "8").field("size", "1792x1024");
        JsonObject video = video(new OpenAiClient(openai).post("/videos", body));

        assertThat(video.string("id").get()).matches("video_[0-9a-f]{48}");
        assertThat(video.toJson()).endsWith("\"object\":\"video\",\"model\":\"sora-2-pro\",\"status\":\"queued\",\"progress\":0,"
                + "\"created_at\":" + SimulatorClock.MANUAL_EPOCH.getEpochSecond() + ",\"completed_at\":null,\"expires_at\":null,"
                + "\"prompt\":\"A fox in the snow\",\"size\":\"1792x1024\",\"seconds\":\"8\",\"remixed_from_video_id\":null,\"error\":null}");
        SimJob<OpenAiJob> job = openai.jobs().get(0);
        assertThat(job.id()).isEqualTo(video.string("id").get());
        assertThat(job.params().kind()).isEqualTo(OpenAiJobKind.CREATE);
        assertThat(job.params().length()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theDefaultsAreSora2FourSecondsPortrait720p(OpenAiSimulator openai) throws IOException {
        JsonObject video = video(new OpenAiClient(openai).create("A fox"));
        assertThat(video.string("model")).contains("sora-2");
        assertThat(video.string("seconds")).contains("4");
        assertThat(video.string("size")).contains("720x1280");
        assertThat(openai.jobs().get(0).params().length()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aJsonCreateWorksToo(OpenAiSimulator openai) throws IOException {
        JsonObject video = video(new OpenAiClient(openai).postJson("/videos",
                "{\"prompt\":\"A fox\",\"model\":\"sora-2\",\"seconds\":\"12\",\"size\":\"1280x720\"}"));
        assertThat(video.string("seconds")).contains("12");
        assertThat(video.string("size")).contains("1280x720");
    }

    @Test
    void theDatedSnapshotsAreModelsToo(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        for (SoraModel model : SoraModel.values()) {
            assertThat(video(client.create("A fox", "model", model.id())).string("model")).contains(model.id());
        }
    }

    @Test
    void aMissingOrEmptyPromptIsRefused(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        assertError(client.post("/videos", MultipartBody.of(MultipartBody.Style.PYTHON).field("seconds", "4")), 400, INVALID, "prompt",
                "missing_required_parameter", "Missing required parameter: 'prompt'.");
        assertError(client.postJson("/videos", "{\"prompt\":null}"), 400, INVALID, "prompt", "missing_required_parameter", "'prompt'");
        assertError(client.create(""), 400, INVALID, "prompt", "empty_string", "Invalid 'prompt': empty string.");
        assertError(client.create("x".repeat(32_001)), 400, INVALID, "prompt", "string_above_max_length", "maximum length 32000");
        assertThat(openai.jobs()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "seconds, 10, 'Invalid value: ''10''. Supported values are: ''4'', ''8'', and ''12''.'",
            "seconds, 4s, 'Invalid value: ''4s''.'",
            "size, 1920x1080, 'Invalid value: ''1920x1080''. Supported values are: ''720x1280'', ''1280x720'', ''1024x1792'', and ''1792x1024''.'",
            "size, 1792x1024, 'Invalid value: ''1792x1024''. Supported values for sora-2 are: ''720x1280'' and ''1280x720''.'",
            "model, sora-3, 'Invalid value: ''sora-3''. Supported values are: ''sora-2'', ''sora-2-pro'''"
    })
    void aValueOutsideTheSpecIsInvalid(String field, String value, String message, OpenAiSimulator openai) throws IOException {
        assertError(new OpenAiClient(openai).create("A fox", field, value), 400, INVALID, field, "invalid_value", message);
        assertThat(openai.jobs()).isEmpty();
    }

    @Test
    void secondsIsAStringNotANumber(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        assertError(client.postJson("/videos", "{\"prompt\":\"A fox\",\"seconds\":8}"), 400, INVALID, "seconds", "invalid_type",
                "Invalid type for 'seconds': expected a string, but got an integer instead.");
        assertError(client.postJson("/videos", "{\"prompt\":[\"A fox\"]}"), 400, INVALID, "prompt", "invalid_type", "but got an array instead");
    }

    @Test
    void anUnknownParameterIsRefused(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        assertError(client.create("A fox", "duration", "8"), 400, INVALID, "duration", "unknown_parameter", "Unknown parameter: 'duration'.");
        assertError(client.postJson("/videos", "{\"prompt\":\"A fox\",\"aspect_ratio\":\"16:9\"}"), 400, INVALID, "aspect_ratio",
                "unknown_parameter", "'aspect_ratio'");
    }

    @Test
    void bodiesThatAreNeitherMultipartNorJsonAreRefused(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        HttpResponse<byte[]> text = client.http.send(Http.request(client.uri("/videos"), OpenAiClient.withKey())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("A fox")).build());
        assertError(text, 400, INVALID, null, null, "Unsupported content type: 'text/plain'");
        assertError(client.postJson("/videos", "{\"prompt\":"), 400, INVALID, null, null, "We could not parse the JSON body");
        HttpResponse<byte[]> unclosed = client.http.send(Http.request(client.uri("/videos"), OpenAiClient.withKey())
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nA fox")).build());
        assertError(unclosed, 400, INVALID, null, null, "Could not parse the multipart form");
        assertThat(openai.jobs()).isEmpty();
    }

    @Test
    void anUnknownDirectiveIsA400NamingTheVocabulary(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        assertError(client.create("A fox #sim:explode"), 400, INVALID, null, null, "Unknown simulator directive 'explode'");
        assertError(client.post("/videos", MultipartBody.of(MultipartBody.Style.CURL).field("prompt", "A fox"), Directives.HEADER, "gateway=xml"),
                400, INVALID, null, null, "The OpenAI simulator also knows: gateway");
        assertThat(openai.calls(Call.SUBMIT)).isEqualTo(2);
        assertThat(openai.jobs()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MultipartBody.Style.class)
    void anInputReferenceIsAnImageFileOfTheRequestedSize(MultipartBody.Style style, OpenAiSimulator openai) throws IOException {
        MultipartBody body = MultipartBody.of(style).field("prompt", "The scene comes to life").field("size", "1280x720")
                .file("input_reference", "frame.png", "image/png", TestImages.png(1280, 720));
        video(new OpenAiClient(openai).post("/videos", body));
        assertThat(openai.jobs().get(0).params().inputReference()).contains("file frame.png (image/png)");
    }

    @Test
    void jpegAndWebpReferencesWorkToo(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        video(client.post("/videos", MultipartBody.of(MultipartBody.Style.NODE).field("prompt", "x")
                .file("input_reference", "frame.jpg", "image/jpeg", TestImages.jpeg(720, 1280))));
        byte[] webp = LosslessWebp.twoColours(720, 1280, 0xFF000000, 0xFFFFFFFF, (x, y) -> x == y);
        video(client.post("/videos", MultipartBody.of(MultipartBody.Style.NODE).field("prompt", "x")
                .file("input_reference", "frame.webp", "image/webp", webp)));
    }

    @Test
    void aReferenceWithoutAnImageTypeOrOfAnotherSizeIsRefused(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        byte[] portrait = TestImages.png(720, 1280);
        assertError(client.post("/videos", MultipartBody.of(MultipartBody.Style.NODE).field("prompt", "x")
                        .file("input_reference", "frame.png", "application/octet-stream", portrait)), 400, INVALID, "input_reference",
                "unsupported_file_type", "unsupported mimetype ('application/octet-stream'). Supported mimetypes: 'image/jpeg', 'image/png', and 'image/webp'.");
        assertError(client.post("/videos", MultipartBody.of(MultipartBody.Style.CURL).field("prompt", "x")
                .file("input_reference", "frame.png", null, portrait)), 400, INVALID, "input_reference", "unsupported_file_type", "octet-stream");
        assertError(client.post("/videos", MultipartBody.of(MultipartBody.Style.NODE).field("prompt", "x")
                        .file("input_reference", "frame.png", "image/png", "not a png".getBytes())), 400, INVALID, "input_reference",
                "invalid_image", "not a valid image/png image");
        assertError(client.post("/videos", MultipartBody.of(MultipartBody.Style.NODE).field("prompt", "x").field("size", "1280x720")
                        .file("input_reference", "frame.png", "image/png", portrait)), 400, INVALID, "input_reference",
                "invalid_value", "The input image is 720x1280; it must match the requested width and height (1280x720).");
        assertError(client.create("x", "input_reference", "frame.png"), 400, INVALID, "input_reference", "invalid_type", "expected an object or a file");
        assertThat(openai.jobs()).isEmpty();
    }

    @Test
    void aReferenceObjectTakesAnImageUrlOrAFileId(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(720, 1280));
        video(client.postJson("/videos", "{\"prompt\":\"x\",\"input_reference\":{\"image_url\":\"" + dataUrl + "\"}}"));
        video(client.postJson("/videos", "{\"prompt\":\"x\",\"input_reference\":{\"file_id\":\"file-123\"}}"));
        // The SDKs flatten an object in a form: input_reference[image_url]=…
        video(client.create("x", "input_reference[image_url]", "https://example.com/frame.png"));
        assertThat(openai.jobs()).extracting(job -> job.params().inputReference().get())
                .containsExactly("image_url data:image/png;base64,…", "file_id file-123", "image_url https://example.com/frame.png");
    }

    @Test
    void aReferenceObjectIsCheckedLikeAFile(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        assertError(client.postJson("/videos", "{\"prompt\":\"x\",\"input_reference\":{\"image_url\":\"https://e.com/a.png\",\"file_id\":\"file-1\"}}"),
                400, INVALID, "input_reference", "invalid_value", "Provide exactly one of 'input_reference.image_url' or 'input_reference.file_id'.");
        assertError(client.postJson("/videos", "{\"prompt\":\"x\",\"input_reference\":{}}"), 400, INVALID, "input_reference", "invalid_value", "exactly one");
        assertError(client.postJson("/videos", "{\"prompt\":\"x\",\"input_reference\":{\"url\":\"https://e.com/a.png\"}}"), 400, INVALID,
                "input_reference.url", "unknown_parameter", "'input_reference.url'");
        assertError(client.postJson("/videos", "{\"prompt\":\"x\",\"input_reference\":{\"image_url\":\"ftp://e.com/a.png\"}}"), 400, INVALID,
                "input_reference.image_url", "invalid_url", "fully qualified");
        String wrongSize = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(TestImages.jpeg(100, 100));
        assertError(client.postJson("/videos", "{\"prompt\":\"x\",\"input_reference\":{\"image_url\":\"" + wrongSize + "\"}}"), 400, INVALID,
                "input_reference.image_url", "invalid_value", "The input image is 100x100");
        assertError(client.postJson("/videos", "{\"prompt\":\"x\",\"input_reference\":\"https://e.com/a.png\"}"), 400, INVALID,
                "input_reference", "invalid_type", "expected an object, but got a string instead");
        assertThat(openai.jobs()).isEmpty();
    }

    @Test
    void anImageUrlOfTheSimulatorItselfIsRead(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String good = openai.publish("portrait.png", "image/png", TestImages.png(720, 1280)).toString();
        String small = openai.publish("small.png", "image/png", TestImages.png(64, 64)).toString();
        video(client.create("x", "input_reference[image_url]", good));
        assertError(client.create("x", "input_reference[image_url]", small), 400, INVALID, "input_reference.image_url", "invalid_value", "64x64");
    }
}
