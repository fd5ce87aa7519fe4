package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.SimJob;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;

import static io.imagine4j.testkit.xai.XaiClient.assertFlatError;
import static org.assertj.core.api.Assertions.assertThat;

/** The three submit endpoints: what they accept, their defaults, and how they refuse. */
class XaiSubmitTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    private static final String INVALID = "Client specified an invalid argument";

    @Test
    void aGenerationAnswersARequestIdAndTakesTheDefaults(XaiSimulator xai) throws IOException {
        String id = new XaiClient(xai).generate("{\"prompt\":\"A cat playing with a ball\"}");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        XaiJob job = xai.job(id).map(SimJob::params).get();
        assertThat(job.kind()).isEqualTo(XaiJobKind.GENERATION);
        assertThat(job.model()).isEqualTo(XaiModel.GROK_IMAGINE_VIDEO);
        assertThat(job.reportedSeconds()).isEqualTo(8);
        assertThat(job.aspectRatio()).contains("16:9");
        assertThat(job.resolution()).contains("480p");
        assertThat(xai.calls(Call.SUBMIT)).isEqualTo(1);
    }

    @Test
    void theDurationIsANumberOrANumericStringOrSeconds(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        assertThat(seconds(xai, client.generate("{\"prompt\":\"x\",\"duration\":6}"))).isEqualTo(6);
        assertThat(seconds(xai, client.generate("{\"prompt\":\"x\",\"duration\":\"12\"}"))).isEqualTo(12);
        assertThat(seconds(xai, client.generate("{\"prompt\":\"x\",\"seconds\":\"4\"}"))).isEqualTo(4);
        assertThat(seconds(xai, client.generate("{\"prompt\":\"x\",\"duration\":null}"))).isEqualTo(8);
        assertThat(seconds(xai, client.generate("{\"prompt\":\"x\",\"duration\":15.0}"))).isEqualTo(15);
    }

    private static int seconds(XaiSimulator xai, String id) {
        return xai.job(id).get().params().reportedSeconds();
    }

    @Test
    void everyDocumentedFieldIsAccepted(XaiSimulator xai) throws IOException {
        String png = XaiClient.dataUri("image/png", png());
        String id = new XaiClient(xai).generate("{\"model\":\"grok-imagine-video-1.5\",\"prompt\":\"A fox\",\"duration\":5,"
                + "\"aspect_ratio\":\"9:16\",\"resolution\":\"1080p\",\"image\":{\"url\":\"" + png + "\"},"
                + "\"keyframes\":[{\"image\":{\"image_url\":\"https://example.com/k.webp\"},\"timestamp_s\":2.5}],"
                + "\"user\":\"user-42\","
                + "\"storage_options\":{\"filename\":\"fox.mp4\",\"expires_after\":3600,\"public_url\":true},"
                + "\"output\":{\"upload_url\":\"https://example.com/upload\"},\"some_future_field\":1}");
        XaiJob job = xai.job(id).get().params();
        assertThat(job.model()).isEqualTo(XaiModel.GROK_IMAGINE_VIDEO_1_5);
        assertThat(job.resolution()).contains("1080p");
        assertThat(job.aspectRatio()).contains("9:16");
        assertThat(job.storage()).isNotEmpty();
        // Reference-to-video is a mode of its own (no first frame, no keyframes, at most 720p).
        String references = new XaiClient(xai).generate("{\"prompt\":\"A fox\",\"resolution\":\"720p\","
                + "\"reference_images\":[{\"url\":\"https://example.com/a.jpg\"},{\"file_id\":\"file-1\"}],"
                + "\"reference_audios\":[{\"voice_id\":\"ara\"}]}");
        assertThat(xai.job(references)).isNotEmpty();
    }

    @Test
    void anImageAloneMakesAnImageToVideoJob(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String png = XaiClient.dataUri("image/png", png());
        assertThat(client.generate("{\"image\":{\"url\":\"" + png + "\"}}")).isNotBlank();
        assertThat(client.generate("{\"input_reference\":{\"image_url\":\"https://example.com/first.png\"}}")).isNotBlank();
        assertThat(xai.jobs()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown model          | {"prompt":"x","model":"grok-2"}                              | 400 | The model grok-2 does not exist
            aspect ratio           | {"prompt":"x","aspect_ratio":"5:4"}                          | 400 | Supported values: 1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3
            duration too short     | {"prompt":"x","duration":0}                                  | 400 | between 1 and 15 seconds
            duration too long      | {"prompt":"x","duration":"16"}                               | 400 | between 1 and 15 seconds
            duration fraction      | {"prompt":"x","duration":8.5}                                | 422 | expected an integer
            duration not a number  | {"prompt":"x","duration":"eight"}                            | 422 | expected an integer or a numeric string
            duration boolean       | {"prompt":"x","duration":true}                               | 422 | invalid type: boolean
            1080p on the first model | {"prompt":"x","resolution":"1080p"}                        | 400 | not supported by model grok-imagine-video
            unknown resolution     | {"prompt":"x","resolution":"4k"}                             | 400 | Supported values: 480p, 720p, 1080p
            no prompt and no image | {"duration":5}                                               | 400 | A prompt is required
            prompt not a string    | {"prompt":5}                                                 | 422 | prompt: invalid type: number, expected a string
            image not an object    | {"prompt":"x","image":"https://example.com/a.png"}           | 422 | image: invalid type: string
            image scheme           | {"prompt":"x","image":{"url":"ftp://example.com/a.png"}}     | 400 | image.url must be an http(s) URL or a data:image
            image without source   | {"prompt":"x","image":{}}                                    | 400 | image.url is required
            image base64           | {"prompt":"x","image":{"url":"data:image/png;base64,%%%"}}   | 400 | invalid base64
            image not an image     | {"prompt":"x","image":{"url":"data:image/png;base64,aGVsbG8="}} | 400 | does not hold a PNG, JPEG or WebP image
            too many keyframes     | {"prompt":"x","keyframes":[{},{},{},{},{}]}                  | 400 | At most 4 keyframes
            keyframe outside       | {"prompt":"x","duration":4,"keyframes":[{"image":{"url":"https://e.com/k.png"},"timestamp_s":4}]} | 400 | strictly between 0 and the duration
            keyframe without time  | {"prompt":"x","keyframes":[{"image":{"url":"https://e.com/k.png"}}]} | 422 | missing field `timestamp_s`
            too many audios        | {"prompt":"x","reference_audios":[{},{},{},{}]}              | 400 | At most 3 reference audios
            audio with both        | {"prompt":"x","reference_audios":[{"url":"https://e.com/a.wav","voice_id":"ara"}]} | 400 | exactly one of url and voice_id
            storage without name   | {"prompt":"x","storage_options":{}}                          | 422 | missing field `filename`
            storage expiry         | {"prompt":"x","storage_options":{"filename":"a.mp4","expires_after":2592001}} | 400 | between 1 and 2592000 seconds
            output without url     | {"prompt":"x","output":{}}                                   | 422 | missing field `upload_url`
            not an object          | ["prompt"]                                                   | 422 | expected a JSON object
            not JSON               | {"prompt":"x",}                                              | 400 | Failed to parse the request body as JSON
            """)
    void generationsAreValidatedAsTheServiceDoes(String what, String body, int status, String message, XaiSimulator xai) throws IOException {
        assertFlatError(new XaiClient(xai).post("/videos/generations", body), status, INVALID, message);
        assertThat(xai.jobs()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            edit without prompt        | /videos/edits      | {"video":{"url":"https://example.com/in.mp4"}}                 | 422 | missing field `prompt`
            edit without video         | /videos/edits      | {"prompt":"snow"}                                              | 422 | missing field `video`
            edit with an empty prompt  | /videos/edits      | {"prompt":" ","video":{"url":"https://example.com/in.mp4"}}    | 400 | must not be empty
            edit from a file id        | /videos/edits      | {"prompt":"snow","video":{"file_id":"file-1"}}                 | 400 | needs the Files API
            edit with both sources     | /videos/edits      | {"prompt":"snow","video":{"url":"https://e.com/a.mp4","file_id":"f"}} | 400 | mutually exclusive
            edit from another scheme   | /videos/edits      | {"prompt":"snow","video":{"url":"ftp://example.com/in.mp4"}}   | 400 | public http(s) URL
            edit from a non-MP4 data   | /videos/edits      | {"prompt":"snow","video":{"url":"data:video/webm;base64,AAAA"}} | 400 | data:video/mp4;base64
            edit from an unreadable MP4 | /videos/edits     | {"prompt":"snow","video":{"url":"data:video/mp4;base64,aGVsbG8="}} | 400 | not a readable MP4
            edit from a bad URL        | /videos/edits      | {"prompt":"snow","video":{"url":"http://exa mple.com/in.mp4"}} | 400 | not a valid URL
            extension too short        | /videos/extensions | {"prompt":"on","video":{"url":"https://example.com/in.mp4"},"duration":1}   | 400 | between 2 and 10 seconds
            extension too long         | /videos/extensions | {"prompt":"on","video":{"url":"https://example.com/in.mp4"},"duration":11}  | 400 | between 2 and 10 seconds
            extension duration as text | /videos/extensions | {"prompt":"on","video":{"url":"https://example.com/in.mp4"},"duration":"6"} | 422 | expected an integer
            extension unknown model    | /videos/extensions | {"model":"grok-imagine-image","prompt":"on","video":{"url":"https://example.com/in.mp4"}} | 400 | does not exist
            """)
    void editsAndExtensionsAreValidatedAsTheServiceDoes(String what, String endpoint, String body, int status, String message,
                                                        XaiSimulator xai) throws IOException {
        assertFlatError(new XaiClient(xai).post(endpoint, body), status, INVALID, message);
        assertThat(xai.jobs()).isEmpty();
    }

    @Test
    void aBodyMustBeDeclaredJson(XaiSimulator xai) throws IOException {
        HttpResponse<byte[]> response = new Http().send(Http.request(URI.create(xai.baseUrl() + "/videos/generations"), XaiClient.withKey())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\"}")).build());
        assertFlatError(response, 415, INVALID, "Content-Type: application/json");
    }

    @Test
    void anUnknownDirectiveIsA400NamingTheVocabulary(XaiSimulator xai) throws IOException {
        HttpResponse<byte[]> response = new XaiClient(xai).post("/videos/generations", "{\"prompt\":\"A fox #sim:explode\"}");
        assertFlatError(response, 400, INVALID, "Unknown simulator directive 'explode'");
        assertThat(Http.text(response)).contains("slow=DUR", "moderated=400", "moderated=flag");
        assertThat(xai.jobs()).isEmpty();
    }

    @Test
    void aWrongMethodIs405AndAnUnknownPathIs404(XaiSimulator xai) throws IOException {
        Http http = new Http();
        assertFlatError(http.get(URI.create(xai.baseUrl() + "/videos/generations"), XaiClient.withKey()), 405,
                "Method not allowed", "GET is not allowed");
        assertFlatError(http.get(URI.create(xai.baseUrl() + "/images/generations"), XaiClient.withKey()), 404,
                "Some requested entity was not found", "No endpoint GET /v1/images/generations");
    }

    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
