package io.imagine4j.testkit.oxen;

import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static io.imagine4j.testkit.oxen.OxenClient.EDIT;
import static io.imagine4j.testkit.oxen.OxenClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Results are real MP4 files as long as asked (edits: as long as their input), at public URLs. */
class OxenMediaTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(OxenSimulator::start);

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 15})
    void aResultIsAsLongAsTheRequestedDuration(int seconds) throws IOException {
        OxenSimulator oxen = OXEN.get();
        OxenClient client = new OxenClient(oxen);
        String id = client.generation("A fox #sim:instant", seconds);
        assertThat(lengthOf(client.download(client.resultUrl(id)))).isCloseTo(seconds * 1000L, within(100L));
    }

    @Test
    void anEditOfAnUploadedClipKeepsItsLength(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        byte[] clip = SampleMp4.of(Duration.ofMillis(6_300));
        HttpResponse<byte[]> uploaded = client.upload("ox", "clips", "main/inputs",
                List.of(OxenClient.Part.file("files[]", "clip.mp4", "video/mp4", clip)));
        assertThat(uploaded.statusCode()).as(Http.text(uploaded)).isEqualTo(200);
        URI input = oxen.fileUrl("ox", "clips", "main", "inputs/clip.mp4");

        String id = client.enqueuedOne(json("model", EDIT, "prompt", "Make it snow #sim:instant", "input_video", input.toString(),
                "duration", 12)); // not a parameter of the edit model: passed through and ignored
        assertThat(client.status(id)).isEqualTo("succeeded");
        assertThat(lengthOf(client.download(client.resultUrl(id)))).isCloseTo(6_300L, within(100L));
        assertThat(client.polled(id).string("input_video")).contains(input.toString());
        // The simulator read its own file: no request went to the file URL.
        assertThat(oxen.journal().entries()).noneMatch(entry -> entry.path().startsWith("/api/repos/") && entry.method().equals("GET"));
    }

    @Test
    void anEditCanTakeAResultOrAPublishedFileOrADataUri(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String first = client.generation("A fox #sim:instant", 4);
        String ofResult = client.enqueuedOne(json("model", EDIT, "prompt", "x #sim:instant", "input_video", client.resultUrl(first).toString()));
        URI published = oxen.publish("take.mp4", "video/mp4", SampleMp4.of(Duration.ofMillis(2_500)));
        String ofPublished = client.enqueuedOne(json("model", EDIT, "prompt", "x #sim:instant", "input_video", published.toString()));
        String inline = "data:video/mp4;base64," + Base64.getEncoder().encodeToString(SampleMp4.of(Duration.ofMillis(1_500)));
        String ofData = client.enqueuedOne(json("model", EDIT, "prompt", "x #sim:instant", "input_video", inline));
        String elsewhere = client.enqueuedOne(json("model", EDIT, "prompt", "x #sim:instant", "input_video", "https://cdn.example/clip.mp4"));

        assertThat(lengthOf(client.download(client.resultUrl(ofResult)))).isCloseTo(4_000L, within(100L));
        assertThat(lengthOf(client.download(client.resultUrl(ofPublished)))).isCloseTo(2_500L, within(100L));
        assertThat(lengthOf(client.download(client.resultUrl(ofData)))).isCloseTo(1_500L, within(100L));
        assertThat(oxen.job(elsewhere).get().params().length()).isEqualTo(OxenSimulator.ASSUMED_INPUT_LENGTH);
    }

    @Test
    void anUnusableInputFailsTheGenerationWhenItRuns(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        client.upload("ox", "clips", "main", List.of(
                OxenClient.Part.file("files[]", "notes.txt", "text/plain", "not a video".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        String missing = client.enqueuedOne(json("model", EDIT, "prompt", "x", "input_video",
                oxen.fileUrl("ox", "clips", "main", "nowhere.mp4").toString()));
        String notVideo = client.enqueuedOne(json("model", EDIT, "prompt", "x", "input_video",
                oxen.fileUrl("ox", "clips", "main", "notes.txt").toString()));
        String notUrl = client.enqueuedOne(json("model", EDIT, "prompt", "x", "input_video", "clip.mp4"));
        assertThat(List.of(missing, notVideo, notUrl)).allSatisfy(id -> assertThat(Http.unchecked(() -> client.status(id))).isEqualTo("queued"));
        oxen.advance(Duration.ofSeconds(3));

        assertThat(client.polled(missing).string("error_message").get()).contains("Could not download input_video", "HTTP 404");
        assertThat(client.polled(notVideo).string("error_message")).contains("input_video is not a readable MP4 video.");
        assertThat(client.polled(notUrl).string("error_message").get()).contains("input_video must be a URL; got \"clip.mp4\"");
    }

    @Test
    void anInputLongerThanEightSecondsIsTruncatedNotRefused(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        client.upload("ox", "clips", "main", List.of(OxenClient.Part.file("files[]", "long.mp4", "video/mp4",
                SampleMp4.of(Duration.ofSeconds(10)))));
        String id = client.enqueuedOne(json("model", EDIT, "prompt", "Make it snow #sim:instant", "input_video",
                oxen.fileUrl("ox", "clips", "main", "long.mp4").toString()));

        assertThat(client.status(id)).isEqualTo("succeeded");
        assertThat(lengthOf(client.download(client.resultUrl(id)))).isCloseTo(8_000L, within(100L));
        assertThat(oxen.job(id).get().params().runtimeError()).isEmpty();
    }

    @Test
    void anInputOnAnotherLoopbackServerIsFetchedAndMeasured(OxenSimulator oxen) throws IOException {
        try (OxenSimulator elsewhere = OxenSimulator.start()) {
            URI input = elsewhere.publish("four-seconds.mp4", "video/mp4", SampleMp4.of(Duration.ofSeconds(4)));
            assertThat(input.getPort()).isNotEqualTo(oxen.baseUrl().getPort());
            OxenClient client = new OxenClient(oxen);
            String id = client.enqueuedOne(json("model", EDIT, "prompt", "Make it snow #sim:instant", "input_video", input.toString()));

            assertThat(oxen.job(id).get().params().length()).isEqualTo(Duration.ofSeconds(4));
            assertThat(lengthOf(client.download(client.resultUrl(id)))).isCloseTo(4_000L, within(100L));
            assertThat(elsewhere.journal().entries(entry -> entry.method().equals("GET") && entry.path().endsWith("four-seconds.mp4")))
                    .hasSize(1);

            String gone = client.enqueuedOne(json("model", EDIT, "prompt", "x #sim:instant", "input_video",
                    elsewhere.rootUrl() + "/results/nothing-here.mp4"));
            assertThat(client.polled(gone).string("error_message").get()).contains("Could not download input_video", "HTTP 404");
        }
    }

    @Test
    void resultUrlsArePublicWithRangesAndRecordCredentialLeaks(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String id = client.generation("A fox #sim:instant", 2);
        URI url = client.resultUrl(id);
        byte[] whole = client.download(url);
        HttpResponse<byte[]> part = client.http.get(url, "Range", "bytes=0-99");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOf(whole, 100));
        assertThat(oxen.credentialLeaks()).isEmpty();

        client.http.get(url, client.withKey());
        assertThat(oxen.credentialLeaks()).singleElement().satisfies(leak -> assertThat(leak.path()).isEqualTo(url.getPath()));
        // Oxen keeps generations in the account: the URL still serves a day later.
        oxen.advance(Duration.ofDays(2));
        assertThat(client.download(url)).isEqualTo(whole);
    }

    private static long lengthOf(byte[] mp4) {
        return Mp4Header.duration(mp4).get().toMillis();
    }
}
