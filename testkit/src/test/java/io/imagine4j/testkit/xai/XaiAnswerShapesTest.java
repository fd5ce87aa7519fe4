package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The shapes poll answers take besides xAI's native one: the guide's, a gateway's, the OpenAI-SDK route's, a broken one. */
class XaiAnswerShapesTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    @Test
    void theGuidesFinishedAnswerIsFlatWithNoStatus(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:answer=flat\",\"duration\":4}");
        assertThat(client.poll(id).statusCode()).isEqualTo(202);
        xai.advance(Duration.ofMinutes(1));
        HttpResponse<byte[]> done = client.poll(id);
        assertThat(done.statusCode()).isEqualTo(200);
        JsonObject body = Http.json(done);
        assertThat(body.members().keySet()).containsExactly("url", "duration");
        assertThat(body.string("url")).contains(xai.rootUrl() + "/results/xai-video-" + id + ".mp4");
        assertThat(body.get("duration")).contains(JsonNumber.of(4));
    }

    @Test
    void aGatewaySaysQueuedProcessingCompletedAlwaysWith200(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:answer=gateway\"}");
        HttpResponse<byte[]> queued = client.poll(id);
        assertThat(queued.statusCode()).isEqualTo(200);
        assertThat(Http.text(queued)).isEqualTo("{\"status\":\"queued\"}");
        xai.advance(Duration.ofMillis(1200));
        assertThat(Http.text(client.poll(id))).isEqualTo("{\"status\":\"processing\",\"progress\":35}");
        xai.advance(Duration.ofMinutes(1));
        JsonObject done = client.polled(id);
        assertThat(done.string("status")).contains("completed");
        assertThat(done.object("video").flatMap(video -> video.string("url"))).isNotEmpty();
        assertThat(done.object("usage")).isNotEmpty();
    }

    @Test
    void theOpenAiSdkRouteAnswersAnOpenAiObjectWithTheResultAtData0(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox\",\"duration\":3}", "X-Imagine4j-Sim", "answer=openai");
        JsonObject queued = client.polled(id);
        assertThat(queued.string("object")).contains("video");
        assertThat(queued.string("id")).contains(id);
        assertThat(queued.string("status")).contains("queued");
        xai.advance(Duration.ofMillis(1200));
        assertThat(client.polled(id).string("status")).contains("in_progress");
        xai.advance(Duration.ofMinutes(1));
        JsonObject done = client.polled(id);
        assertThat(done.string("status")).contains("completed");
        assertThat(done.has("video")).isFalse();
        assertThat(done.has("usage")).isFalse();
        assertThat(done.get("data").get().toJson())
                .isEqualTo("[{\"url\":\"" + xai.rootUrl() + "/results/xai-video-" + id + ".mp4\",\"duration\":3}]");
    }

    @Test
    void aBrokenDoneHasNoVideoAtAll(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:answer=bare\"}");
        xai.advance(Duration.ofMinutes(1));
        JsonObject done = client.polled(id);
        assertThat(done.members().keySet()).containsExactly("status", "model", "usage", "progress");
        assertThat(done.string("status")).contains("done");
    }

    @Test
    void theGuidesShapeReportsModerationFlatToo(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:answer=flat,moderated=flag\"}");
        xai.advance(Duration.ofMinutes(1));
        assertThat(Http.text(client.poll(id))).isEqualTo("{\"url\":\"\",\"duration\":8,\"respect_moderation\":false}");
    }

    @Test
    void aSimulatorWideShapeAppliesToEveryJobUnlessADirectiveSaysOtherwise() throws IOException {
        try (XaiSimulator gateway = XaiSimulator.start(SimulatorOptions.forTests(),
                XaiSettings.defaults().withAnswers(XaiAnswerShape.GATEWAY))) {
            XaiClient client = new XaiClient(gateway);
            String plain = client.generate("{\"prompt\":\"A fox\"}");
            String native_ = client.generate("{\"prompt\":\"A fox #sim:answer=native\"}");
            assertThat(client.poll(plain).statusCode()).isEqualTo(200);
            assertThat(client.poll(native_).statusCode()).isEqualTo(202);
        }
    }
}
