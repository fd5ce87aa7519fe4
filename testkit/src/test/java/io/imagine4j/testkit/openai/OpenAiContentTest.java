package io.imagine4j.testkit.openai;

import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import static io.imagine4j.testkit.openai.OpenAiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code GET /videos/{id}/content}: the key required, real MP4s of the right length, ranges, WebP and JPEG previews. */
class OpenAiContentTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(OpenAiSimulator::start);

    @ParameterizedTest
    @ValueSource(strings = {"4", "8", "12"})
    void theVideoIsARealMp4OfTheRequestedSeconds(String seconds, OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant", "seconds", seconds);
        HttpResponse<byte[]> response = client.content(id, "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(response.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        Duration length = Mp4Header.duration(response.body()).get();
        assertThat(length).isBetween(Duration.ofSeconds(Long.parseLong(seconds)).minusMillis(100),
                Duration.ofSeconds(Long.parseLong(seconds)).plusMillis(100));
        assertThat(client.content(id, "?variant=video").body()).isEqualTo(response.body());
    }

    @Test
    void theKeyIsRequiredInEitherStyle(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant");
        assertError(client.http.get(client.uri("/videos/" + id + "/content")), 401, "invalid_request_error", null, null,
                "You didn't provide an API key");
        assertThat(client.http.get(client.uri("/videos/" + id + "/content"), "api-key", OpenAiClient.KEY).statusCode()).isEqualTo(200);
        assertThat(client.content(id, "").statusCode()).isEqualTo(200);
        assertThat(openai.calls(Call.CONTENT)).isEqualTo(3);
        assertThat(openai.credentialLeaks()).as("the key belongs on /content").isEmpty();
    }

    @Test
    void aRangeResumesTheVideo(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant");
        byte[] whole = client.content(id, "").body();
        HttpResponse<byte[]> tail = client.content(id, "", "Range", "bytes=100-");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).contains("bytes 100-" + (whole.length - 1) + "/" + whole.length);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole, 100, whole.length));
        HttpResponse<byte[]> beyond = client.content(id, "", "Range", "bytes=" + whole.length + "-");
        assertError(beyond, 416, "invalid_request_error", null, null, "not satisfiable");
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */" + whole.length);
    }

    @Test
    void theThumbnailIsARealLosslessWebpOfTheVideosSize(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant");
        HttpResponse<byte[]> response = client.content(id, "?variant=thumbnail");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/webp");
        Vp8lReader.Image image = Vp8lReader.decode(response.body());
        assertThat(image.width()).isEqualTo(SampleMp4.WIDTH);
        assertThat(image.height()).isEqualTo(SampleMp4.HEIGHT);
        assertThat(image.pixel(0, 0)).isEqualTo(VideoPreviews.BACKGROUND);
        assertThat(image.pixel(SampleMp4.WIDTH / 2, SampleMp4.HEIGHT - 1)).as("the bar in the middle").isEqualTo(VideoPreviews.BAR);
        assertThat(ImageSize.of(response.body()).get()).isEqualTo(new ImageSize(SampleMp4.WIDTH, SampleMp4.HEIGHT));
    }

    @Test
    void theSpritesheetIsAJpegWithATilePerSecond(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant", "seconds", "8");
        HttpResponse<byte[]> response = client.content(id, "?variant=spritesheet");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
        BufferedImage sheet = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(sheet.getWidth()).isEqualTo(VideoPreviews.COLUMNS * VideoPreviews.TILE_WIDTH);
        assertThat(sheet.getHeight()).isEqualTo(2 * VideoPreviews.TILE_HEIGHT);
    }

    @Test
    void thereIsNoContentBeforeCompletionNorForAFailedVideo(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String running = client.created("A fox");
        String failed = client.created("A fox #sim:fail,instant");
        assertError(client.content(running, ""), 404, "invalid_request_error", null, null,
                "has no content: it is queued. Download it once it is completed.");
        assertError(client.content(failed, "?variant=thumbnail"), 404, "invalid_request_error", null, null, "has no content: it is failed.");
        assertError(client.content("video_nope", ""), 404, "invalid_request_error", null, null, "Video with id 'video_nope' not found.");
        openai.advance(Duration.ofSeconds(3));
        assertThat(client.content(running, "").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownVariantIsInvalid(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant");
        assertError(client.content(id, "?variant=gif"), 400, "invalid_request_error", "variant", "invalid_value",
                "Supported values are: 'video', 'thumbnail', and 'spritesheet'.");
    }

    @Test
    void contentExpiresWithTheVideosAssets() throws IOException {
        try (OpenAiSimulator openai = OpenAiSimulator.start(SimulatorOptions.forTests().withResultTtl(Duration.ofHours(1)))) {
            OpenAiClient client = new OpenAiClient(openai);
            String id = client.created("A fox #sim:instant");
            long expiresAt = client.retrieved(id).number("expires_at").get().longValueExact();
            assertThat(expiresAt).isEqualTo(openai.clock().now().plus(Duration.ofHours(1)).getEpochSecond());
            openai.advance(Duration.ofMinutes(59));
            assertThat(client.content(id, "").statusCode()).isEqualTo(200);
            openai.advance(Duration.ofMinutes(1));
            assertError(client.content(id, ""), 404, "invalid_request_error", null, null, "has expired");
            assertThat(client.retrieved(id).string("status")).as("the job stays completed").contains("completed");
        }
    }

    @Test
    void contentFaultsApplyToTheDownload(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant,content-503,content-drop");
        assertError(client.content(id, ""), 503, "server_error", null, null, "simulated 503");
        assertThatThrownBy(() -> client.content(id, "")).as("half a body, then the connection closes").isInstanceOf(IOException.class);
        HttpResponse<byte[]> whole = client.content(id, "");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(Mp4Header.duration(whole.body()).isSuccess()).isTrue();
    }
}
