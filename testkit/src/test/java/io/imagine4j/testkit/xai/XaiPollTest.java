package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.internal.json.JsonBoolean;
import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Directives;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.imagine4j.testkit.xai.XaiClient.assertFlatError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/videos/{request_id}} through a job's life, every terminal answer, and the models endpoints. */
class XaiPollTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    @Test
    void pendingIs202WithProgressThenDoneIs200WithTheVideoUnderVideo(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox\",\"duration\":8}");

        HttpResponse<byte[]> queued = client.poll(id);
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(Http.text(queued)).isEqualTo("{\"status\":\"pending\",\"progress\":0}");
        xai.advance(Duration.ofMillis(1200));
        HttpResponse<byte[]> running = client.poll(id);
        assertThat(running.statusCode()).isEqualTo(202);
        assertThat(Http.text(running)).isEqualTo("{\"status\":\"pending\",\"progress\":35}");

        xai.advance(Duration.ofMillis(1800));
        HttpResponse<byte[]> done = client.poll(id);
        assertThat(done.statusCode()).isEqualTo(200);
        JsonObject body = Http.json(done);
        assertThat(body.members().keySet()).containsExactly("status", "video", "model", "usage", "progress");
        assertThat(body.string("status")).contains("done");
        assertThat(body.string("model")).contains("grok-imagine-video");
        assertThat(body.get("progress")).contains(JsonNumber.of(100));
        JsonObject video = body.object("video").get();
        assertThat(video.members().keySet()).containsExactly("url", "duration", "respect_moderation");
        assertThat(video.string("url")).contains(xai.rootUrl() + "/results/xai-video-" + id + ".mp4");
        assertThat(video.get("duration")).contains(JsonNumber.of(8));
        assertThat(video.get("respect_moderation")).contains(JsonBoolean.TRUE);
        // 8 s at 0.05 USD a second: 0.40 USD = 4,000,000,000 ticks.
        assertThat(body.object("usage").get()).isEqualTo(JsonObject.builder().put("cost_in_usd_ticks", 4_000_000_000L).build());
        assertThat(xai.calls(Call.POLL)).isEqualTo(3);
    }

    @Test
    void theCostFollowsModelResolutionAndSeconds(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String hd = client.generate("{\"model\":\"grok-imagine-video-1.5\",\"prompt\":\"x #sim:instant\",\"duration\":2,\"resolution\":\"1080p\"}");
        String sd = client.generate("{\"model\":\"grok-imagine-video-1.5\",\"prompt\":\"x #sim:instant\",\"duration\":2,\"resolution\":\"720p\"}");
        assertThat(cost(client, hd)).isEqualTo(2 * 700_000_000L * 2);
        assertThat(cost(client, sd)).isEqualTo(2 * 700_000_000L);
        assertThat(XaiModel.TICKS_PER_USD).isEqualTo(10_000_000_000L);
    }

    private static long cost(XaiClient client, String id) throws IOException {
        return client.polled(id).object("usage").flatMap(usage -> usage.number("cost_in_usd_ticks")).get().longValueExact();
    }

    @Test
    void anUnknownRequestIdIs404(XaiSimulator xai) throws IOException {
        assertFlatError(new XaiClient(xai).poll("a3d1008e-4544-40d4-d075-11527e794e4a"), 404,
                "Some requested entity was not found", "No deferred video request was found");
    }

    @Test
    void moderationIsAn400OnThePollByDefaultAndItIsBilled(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        xai.enqueue(Scenario.moderated());
        String scripted = client.generate("{\"prompt\":\"A fox\",\"duration\":2}");
        String directed = client.generate("{\"prompt\":\"A fox #sim:moderated=400\",\"duration\":2}");
        xai.advance(Duration.ofSeconds(3));

        for (String id : List.of(scripted, directed)) {
            HttpResponse<byte[]> poll = client.poll(id);
            assertThat(poll.statusCode()).isEqualTo(400);
            assertThat(Http.text(poll)).isEqualTo("{\"code\":\"imagine:content-moderated\","
                    + "\"error\":\"Generated video rejected by content moderation.\",\"usage\":{\"cost_in_usd_ticks\":1000000000}}");
            assertThat(client.poll(id).statusCode()).as("terminal: the same answer again").isEqualTo(400);
        }
    }

    @Test
    void moderationCanBeDoneWithRespectModerationFalse(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox\",\"duration\":2}", Directives.HEADER, "moderated=flag, instant");
        HttpResponse<byte[]> poll = client.poll(id);
        assertThat(poll.statusCode()).isEqualTo(200);
        JsonObject body = Http.json(poll);
        assertThat(body.string("status")).contains("done");
        assertThat(body.object("video").get()).isEqualTo(JsonObject.builder()
                .put("url", "").put("duration", 2).put("respect_moderation", false).build());
        assertThat(body.object("usage")).isNotEmpty();
        assertThat(xai.credentialLeaks()).isEmpty();
    }

    @Test
    void theModerationStyleCanBeChosenForTheWholeSimulator() throws IOException {
        try (XaiSimulator flagging = XaiSimulator.start(SimulatorOptions.forTests(), ModerationStyle.RESPECT_MODERATION_FALSE)) {
            flagging.enqueue(Scenario.moderated().withProcessingTime(Duration.ZERO));
            XaiClient client = new XaiClient(flagging);
            String id = client.generate("{\"prompt\":\"A fox\"}");
            assertThat(client.polled(id).object("video").flatMap(video -> video.get("respect_moderation"))).contains(JsonBoolean.FALSE);
            String overridden = client.generate("{\"prompt\":\"A fox #sim:moderated=400,instant\"}");
            assertThat(client.poll(overridden).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aFailureIs200WithAStructuredErrorAndNothingElse(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        xai.enqueue(Scenario.fails("service_unavailable", "The video engine is overloaded.").withProcessingTime(Duration.ofSeconds(1)));
        String scripted = client.generate("{\"prompt\":\"A fox\"}");
        String plain = client.generate("{\"prompt\":\"A fox #sim:fail,time=1s\"}");
        String coded = client.generate("{\"prompt\":\"A fox #sim:fail=permission_denied,time=1s\"}");
        xai.advance(Duration.ofSeconds(1));

        assertThat(Http.text(client.poll(scripted))).isEqualTo(
                "{\"status\":\"failed\",\"error\":{\"code\":\"service_unavailable\",\"message\":\"The video engine is overloaded.\"}}");
        HttpResponse<byte[]> failed = client.poll(plain);
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(Http.json(failed).members().keySet()).containsExactly("status", "error");
        assertThat(Http.json(failed).object("error").flatMap(error -> error.string("code"))).contains("internal_error");
        assertThat(client.polled(coded).object("error").flatMap(error -> error.string("code"))).contains("permission_denied");
    }

    @Test
    void anExpiredJobSaysSo(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:expire\"}");
        assertThat(client.poll(id).statusCode()).isEqualTo(202);
        xai.advance(Duration.ofSeconds(3));
        HttpResponse<byte[]> expired = client.poll(id);
        assertThat(expired.statusCode()).isEqualTo(200);
        assertThat(Http.text(expired)).isEqualTo("{\"status\":\"expired\"}");
    }

    @Test
    void storageOptionsAddAFileOutput(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:instant\",\"duration\":1,"
                + "\"storage_options\":{\"filename\":\"fox.mp4\",\"expires_after\":3600,\"public_url\":true}}");
        JsonObject video = client.polled(id).object("video").get();
        JsonObject fileOutput = video.object("file_output").get();
        assertThat(fileOutput.string("file_id")).contains("file-" + id);
        assertThat(fileOutput.string("filename")).contains("fox.mp4");
        assertThat(fileOutput.number("expires_at")).contains(BigDecimal.valueOf(xai.job(id).get().endsAt().getEpochSecond() + 3600));
        assertThat(fileOutput.get("public_url")).contains(new JsonString(video.string("url").get()));
    }

    @Test
    void theModelsEndpointsListEveryModelWithItsAliasesAndInputs(XaiSimulator xai) throws IOException {
        Http http = new Http();
        HttpResponse<byte[]> list = http.get(URI.create(xai.baseUrl() + "/video-generation-models"), XaiClient.withKey());
        assertThat(list.statusCode()).isEqualTo(200);
        List<JsonObject> models = Http.json(list).get("models")
                .map(value -> ((io.imagine4j.testkit.internal.json.JsonArray) value).elements().stream().map(JsonObject.class::cast).toList()).get();
        assertThat(models).extracting(model -> model.string("id").get())
                .containsExactly("grok-imagine-video", "grok-imagine-video-1.5", "grok-imagine-video-1.5-preview");
        assertThat(models).allSatisfy(model -> assertThat(Set.copyOf(model.members().keySet())).isEqualTo(Set.of("id", "fingerprint",
                "created", "object", "owned_by", "version", "input_modalities", "output_modalities", "aliases")));
        assertThat(models.get(0).get("input_modalities").get().toJson()).isEqualTo("[\"text\",\"image\"]");
        assertThat(models.get(2).get("aliases").get().toJson()).isEqualTo("[\"grok-imagine-video-1.5-2026-05-30\"]");

        HttpResponse<byte[]> one = http.get(URI.create(xai.baseUrl() + "/video-generation-models/grok-imagine-video-1.5"), XaiClient.withKey());
        assertThat(Http.json(one)).isEqualTo(models.get(1));
        HttpResponse<byte[]> byAlias = http.get(URI.create(xai.baseUrl() + "/video-generation-models/grok-imagine-video-1.5-2026-05-30"),
                XaiClient.withKey());
        assertThat(Http.json(byAlias)).isEqualTo(models.get(2));
        assertFlatError(http.get(URI.create(xai.baseUrl() + "/video-generation-models/grok-9"), XaiClient.withKey()), 404,
                "Some requested entity was not found", "The model grok-9 does not exist");
        assertThat(xai.calls(Call.MODELS)).isEqualTo(4);
    }

    @Test
    void aRequestMayNameAModelByItsAlias(XaiSimulator xai) throws IOException {
        String id = new XaiClient(xai).generate("{\"prompt\":\"A fox\",\"model\":\"grok-imagine-video-1.5-2026-05-30\"}");
        assertThat(xai.job(id).get().params().model()).isEqualTo(XaiModel.GROK_IMAGINE_VIDEO_1_5_PREVIEW);
    }

    @Test
    void aGatewayWithoutTheModelsEndpointsAnswers404() throws IOException {
        try (XaiSimulator gateway = XaiSimulator.start(SimulatorOptions.forTests(), XaiSettings.defaults().withoutModelsEndpoint())) {
            Http http = new Http();
            assertFlatError(http.get(URI.create(gateway.baseUrl() + "/video-generation-models"), XaiClient.withKey()), 404,
                    "Some requested entity was not found", "No endpoint GET /v1/video-generation-models");
            assertThat(http.get(URI.create(gateway.baseUrl() + "/video-generation-models/grok-imagine-video"), XaiClient.withKey())
                    .statusCode()).isEqualTo(404);
            assertThat(new XaiClient(gateway).generate("{\"prompt\":\"A fox\"}")).isNotEmpty();
        }
    }
}
