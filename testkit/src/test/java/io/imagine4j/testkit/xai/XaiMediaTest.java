package io.imagine4j.testkit.xai;

import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.imagine4j.testkit.xai.XaiClient.assertFlatError;
import static org.assertj.core.api.Assertions.assertThat;

/** Results are real MP4 files whose length is what the request asked for (edits: the input's; extensions: input + segment). */
class XaiMediaTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    private static final Duration TOLERANCE = Duration.ofMillis(100);

    private static void assertLength(byte[] mp4, Duration expected) {
        Duration actual = Mp4Header.duration(mp4).get();
        assertThat(actual).isBetween(expected.minus(TOLERANCE), expected.plus(TOLERANCE));
    }

    @Test
    void aGeneratedVideoLastsTheRequestedDuration(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:instant\",\"duration\":2}");
        byte[] video = client.download(client.resultUrl(id));
        assertLength(video, Duration.ofSeconds(2));
        assertThat(xai.calls(Call.CONTENT)).isEqualTo(1);
        assertThat(xai.credentialLeaks()).isEmpty();
    }

    @Test
    void anImageToVideoResultToo(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String png = XaiClient.dataUri("image/png", XaiSubmitTest.png());
        String id = client.generate("{\"image\":{\"url\":\"" + png + "\"},\"duration\":\"1\",\"prompt\":\"#sim:instant\"}");
        assertLength(client.download(client.resultUrl(id)), Duration.ofSeconds(1));
    }

    @Test
    void anEditKeepsTheLengthOfADataUriInput(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String input = XaiClient.dataUri("video/mp4", SampleMp4.of(Duration.ofSeconds(3)));
        String id = client.started("/videos/edits", "{\"prompt\":\"Make it snow #sim:instant\",\"video\":{\"url\":\"" + input + "\"}}");
        HttpResponse<byte[]> done = client.poll(id);
        assertThat(Http.json(done).object("video").flatMap(video -> video.get("duration"))).contains(JsonNumber.of(3));
        assertLength(client.download(client.resultUrl(id)), Duration.ofSeconds(3));
        assertThat(xai.job(id).get().params().kind()).isEqualTo(XaiJobKind.EDIT);
    }

    @Test
    void anEditAcceptsAtMost8Point7Seconds(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String longest = XaiClient.dataUri("video/mp4", SampleMp4.of(Duration.ofMillis(8700)));
        String tooLong = XaiClient.dataUri("video/mp4", SampleMp4.of(Duration.ofMillis(8800)));
        assertThat(client.started("/videos/edits", "{\"prompt\":\"snow\",\"video\":{\"url\":\"" + longest + "\"}}")).isNotBlank();
        assertFlatError(client.post("/videos/edits", "{\"prompt\":\"snow\",\"video\":{\"url\":\"" + tooLong + "\"}}"), 400,
                "Client specified an invalid argument", "The input video is 8.8 s long; video edits accept at most 8.7 s.");
        assertThat(xai.jobs()).hasSize(1);
    }

    @Test
    void anEditOfAnEarlierResultReadsThatResult(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String first = client.generate("{\"prompt\":\"A fox #sim:instant\",\"duration\":2}");
        URI earlier = client.resultUrl(first);
        String edit = client.started("/videos/edits", "{\"prompt\":\"Make it snow #sim:instant\",\"video\":{\"url\":\"" + earlier + "\"}}");
        assertLength(client.download(client.resultUrl(edit)), Duration.ofSeconds(2));
        // The simulator read the input itself: no request of the client went to the result URL but the last download.
        assertThat(xai.calls(Call.CONTENT)).isEqualTo(1);
    }

    @Test
    void anEditOfAPublishedFileReadsThatFile(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        URI input = xai.publish("holiday.mp4", "video/mp4", SampleMp4.of(Duration.ofSeconds(1)));
        String id = client.started("/videos/edits", "{\"prompt\":\"snow #sim:instant\",\"video\":{\"url\":\"" + input + "\"}}");
        assertThat(xai.job(id).get().params().length()).isEqualTo(Duration.ofSeconds(1));
        assertFlatError(client.post("/videos/edits", "{\"prompt\":\"snow\",\"video\":{\"url\":\"" + xai.rootUrl() + "/results/gone.mp4\"}}"),
                400, "Client specified an invalid argument", "could not be downloaded from video.url (HTTP 404)");
    }

    @Test
    void anInputOnAnotherLoopbackServerIsDownloadedAndMeasured(XaiSimulator xai) throws IOException {
        try (XaiSimulator elsewhere = XaiSimulator.start()) {
            URI input = elsewhere.publish("four.mp4", "video/mp4", SampleMp4.of(Duration.ofSeconds(4)));
            XaiClient client = new XaiClient(xai);
            String edit = client.started("/videos/edits", "{\"prompt\":\"snow #sim:instant\",\"video\":{\"url\":\"" + input + "\"}}");
            String extension = client.started("/videos/extensions", "{\"prompt\":\"on #sim:instant\",\"duration\":2,"
                    + "\"video\":{\"url\":\"" + input + "\"}}");
            assertThat(xai.job(edit).get().params().length()).isEqualTo(Duration.ofSeconds(4));
            assertThat(xai.job(extension).get().params().length()).isEqualTo(Duration.ofSeconds(6));
            assertLength(client.download(client.resultUrl(edit)), Duration.ofSeconds(4));
            assertLength(client.download(client.resultUrl(extension)), Duration.ofSeconds(6));
            assertThat(elsewhere.journal().entries(entry -> entry.path().endsWith("/four.mp4"))).hasSize(2)
                    .allSatisfy(entry -> assertThat(entry.headers().carriesCredential()).isFalse());
            assertFlatError(client.post("/videos/edits", "{\"prompt\":\"snow\",\"video\":{\"url\":\"" + elsewhere.rootUrl()
                    + "/results/none.mp4\"}}"), 400, "Client specified an invalid argument", "could not be downloaded from video.url (HTTP 404)");
        }
    }

    @Test
    void anInputElsewhereIsAssumedToLastFiveSeconds(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.started("/videos/edits", "{\"prompt\":\"snow\",\"video\":{\"url\":\"https://example.com/clip.mp4\"}}");
        assertThat(xai.job(id).get().params().length()).isEqualTo(XaiSimulator.ASSUMED_INPUT_LENGTH);
        assertThat(xai.job(id).get().params().reportedSeconds()).isEqualTo(5);
    }

    @Test
    void anExtensionIsTheInputFollowedByTheNewSegment(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String input = XaiClient.dataUri("video/mp4", SampleMp4.of(Duration.ofSeconds(2)));
        String id = client.started("/videos/extensions", "{\"prompt\":\"The camera pulls back #sim:instant\",\"duration\":3,"
                + "\"video\":{\"url\":\"" + input + "\"}}");
        assertThat(client.polled(id).object("video").flatMap(video -> video.get("duration"))).contains(JsonNumber.of(5));
        assertLength(client.download(client.resultUrl(id)), Duration.ofSeconds(5));
        // Only the new segment is billed.
        assertThat(client.polled(id).object("usage").flatMap(usage -> usage.number("cost_in_usd_ticks")))
                .contains(java.math.BigDecimal.valueOf(3 * 500_000_000L));
    }

    @Test
    void tenSecondsExtendedByFiveMakeFifteen(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String input = XaiClient.dataUri("video/mp4", SampleMp4.of(Duration.ofSeconds(10)));
        String id = client.started("/videos/extensions", "{\"prompt\":\"on #sim:instant\",\"duration\":5,\"video\":{\"url\":\"" + input + "\"}}");
        assertThat(client.polled(id).object("video").flatMap(video -> video.get("duration"))).contains(JsonNumber.of(15));
        assertLength(client.download(client.resultUrl(id)), Duration.ofSeconds(15));
    }

    @Test
    void anExtensionDefaultsToSixSecondsAndNeedsTwoToFifteenSecondsOfInput(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.started("/videos/extensions", "{\"prompt\":\"on\",\"video\":{\"url\":\"https://example.com/clip.mp4\"}}");
        assertThat(xai.job(id).get().params().length()).isEqualTo(XaiSimulator.ASSUMED_INPUT_LENGTH.plusSeconds(6));
        String second = XaiClient.dataUri("video/mp4", SampleMp4.of(Duration.ofSeconds(1)));
        assertFlatError(client.post("/videos/extensions", "{\"prompt\":\"on\",\"video\":{\"url\":\"" + second + "\"}}"), 400,
                "Client specified an invalid argument", "must be between 2 and 15 seconds long; it is 1.0 s");
    }

    @Test
    void aResultDownloadResumesWithARange(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:instant,content-drop\",\"duration\":1}");
        URI url = client.resultUrl(id);
        byte[] whole = SampleMp4.of(Duration.ofSeconds(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.http.get(url)).isInstanceOf(IOException.class);
        HttpResponse<byte[]> rest = client.http.get(url, "Range", "bytes=1000-");
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.headers().firstValue("Content-Range")).contains("bytes 1000-" + (whole.length - 1) + "/" + whole.length);
        assertThat(rest.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 1000, whole.length));
    }
}
