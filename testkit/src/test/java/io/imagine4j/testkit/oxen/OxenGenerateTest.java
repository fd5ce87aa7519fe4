package io.imagine4j.testkit.oxen;

import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.support.Await;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.imagine4j.testkit.oxen.OxenClient.TEXT_TO_VIDEO;
import static io.imagine4j.testkit.oxen.OxenClient.assertOxenError;
import static io.imagine4j.testkit.oxen.OxenClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /ai/videos/generate}: the request is held, whole, until the generation ends on the
 * simulator's clock. A test starts it, awaits the generation (its end is then fixed) and the held
 * answer ({@code heldResponses()}), then advances the clock.
 */
class OxenGenerateTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(OxenSimulator::start);

    @Test
    void theAnswerWaitsForTheGenerationThenCarriesItsUrl(OxenSimulator oxen) throws Exception {
        OxenClient client = new OxenClient(oxen);
        Instant start = oxen.clock().now();
        CompletableFuture<HttpResponse<byte[]>> answer = client.generate(json("model", TEXT_TO_VIDEO, "prompt", "A fox", "duration", 2,
                "slow", "ignored by the model"));
        awaitHeld(oxen, 1);
        oxen.advance(Duration.ofMillis(2_999));
        assertThat(answer).isNotDone();
        assertThat(oxen.journal().entries()).last().satisfies(entry -> assertThat(entry.status()).isEmpty());
        oxen.advance(Duration.ofMillis(1));

        HttpResponse<byte[]> response = answer.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        JsonObject body = Http.json(response);
        assertThat(body.members().keySet()).containsExactly("model", "created", "videos");
        assertThat(body.string("model")).contains(TEXT_TO_VIDEO);
        assertThat(body.number("created")).contains(BigDecimal.valueOf(start.getEpochSecond()));
        JsonArray videos = (JsonArray) body.get("videos").get();
        assertThat(videos.elements()).hasSize(1);
        JsonObject video = (JsonObject) videos.elements().get(0);
        assertThat(video.members().keySet()).containsExactly("url");
        URI url = URI.create(video.string("url").get());
        assertThat(Mp4Header.duration(client.download(url)).get()).isBetween(Duration.ofMillis(1_900), Duration.ofMillis(2_100));
        assertThat(oxen.calls(Call.SUBMIT)).isEqualTo(1);
        assertThat(oxen.credentialLeaks()).isEmpty();
    }

    @Test
    void base64AnswersCarryTheVideoItself(OxenSimulator oxen) throws Exception {
        OxenClient client = new OxenClient(oxen);
        HttpResponse<byte[]> response = client.generate(json("model", "kling-video-v2-6-pro-text-to-video", "prompt", "x #sim:instant",
                "duration", 10, "response_format", "b64_json")).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        String videos = Http.json(response).get("videos").get().toJson();
        assertThat(videos).startsWith("[{\"b64_json\":\"").doesNotContain("url");
        byte[] mp4 = Base64.getDecoder().decode(videos.substring("[{\"b64_json\":\"".length(), videos.length() - 3));
        assertThat(Mp4Header.duration(mp4).get()).isBetween(Duration.ofMillis(9_900), Duration.ofMillis(10_100));
    }

    @Test
    void aSynchronousGenerationIsNotInTheQueue(OxenSimulator oxen) throws Exception {
        OxenClient client = new OxenClient(oxen);
        try (EventLines events = client.events()) {
            assertThat(client.generate(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:instant")).get(10, TimeUnit.SECONDS).statusCode())
                    .isEqualTo(200);
            String id = oxen.jobs().get(0).id();
            assertThat(oxen.jobs().get(0).params().mode()).isEqualTo(OxenJob.Mode.SYNCHRONOUS);
            assertOxenError(client.poll(id), 404, "resource_not_found", id);
            assertThat(client.listed("status=succeeded")).isEmpty();
            oxen.advance(Duration.ofSeconds(15));
            events.awaitKeepAlives(1);
            assertThat(events.events()).isEmpty();
        }
    }

    @Test
    void requestErrorsAnswerAtOnceAndParameterErrorsWhenTheGenerationRuns(OxenSimulator oxen) throws Exception {
        OxenClient client = new OxenClient(oxen);
        HttpResponse<byte[]> unknown = client.generate(json("model", "no-such-model", "prompt", "x")).get(10, TimeUnit.SECONDS);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.text(unknown)).isEqualTo("{\"error\":{\"message\":\"Model not found: no-such-model\"}}");
        assertOxenError(client.generate(json("prompt", "x")).get(10, TimeUnit.SECONDS), 400, "invalid_params", "model is required");
        assertOxenError(client.generate(json("model", TEXT_TO_VIDEO, "prompt", "x", "response_format", "mp4")).get(10, TimeUnit.SECONDS),
                400, "invalid_params", "response_format must be one of url, b64_json, got \"mp4\"");
        assertOxenError(client.generate(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:no-credits")).get(10, TimeUnit.SECONDS),
                402, "insufficient_credits", "Insufficient credits");
        assertThat(oxen.jobs()).isEmpty();

        CompletableFuture<HttpResponse<byte[]>> invalid = client.generate(json("model", TEXT_TO_VIDEO, "prompt", "x", "duration", 30));
        awaitHeld(oxen, 1);
        oxen.advance(Duration.ofSeconds(3));
        assertOxenError(invalid.get(10, TimeUnit.SECONDS), 400, "invalid_params", "duration must be at most 15; got 30");
    }

    @Test
    void aFailedGenerationAnswersWithAnErrorOfItsKind(OxenSimulator oxen) throws Exception {
        OxenClient client = new OxenClient(oxen);
        HttpResponse<byte[]> failed = client.generate(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:fail=provider_error,instant"))
                .get(10, TimeUnit.SECONDS);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(Http.json(failed).string("status_message")).contains("provider_error");
        assertThat(Http.json(failed).object("error").get().string("detail")).contains("Simulated failure (#sim:fail=provider_error).");

        oxen.enqueue(Scenario.moderated().withProcessingTime(Duration.ZERO));
        assertOxenError(client.generate(json("model", TEXT_TO_VIDEO, "prompt", "x")).get(10, TimeUnit.SECONDS), 400, "content_moderated",
                "content moderation");
        assertOxenError(client.generate(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:expire,instant")).get(10, TimeUnit.SECONDS), 504,
                "gateway_timeout", "timed out");
    }

    @Test
    void faultsShapeTheHeldAnswer(OxenSimulator oxen) throws Exception {
        OxenClient client = new OxenClient(oxen);
        oxen.failNext(Call.SUBMIT, new Fault.ServerError(502));
        assertOxenError(client.generate(json("model", TEXT_TO_VIDEO, "prompt", "x")).get(10, TimeUnit.SECONDS), 502, "bad_gateway",
                "simulated 502");
        assertThat(oxen.jobs()).isEmpty();

        // A reset after the work started: the generation runs (and is billed) though the client saw nothing.
        CompletableFuture<HttpResponse<byte[]>> reset = client.generate(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:submit-reset"));
        assertThat(reset).failsWithin(10, TimeUnit.SECONDS);
        assertThat(oxen.jobs()).hasSize(1);

        CompletableFuture<HttpResponse<byte[]>> malformed = client.generate(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:submit-malformed"));
        awaitHeld(oxen, 2);
        oxen.advance(Duration.ofSeconds(3));
        HttpResponse<byte[]> response = malformed.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.text(response)).startsWith("{\"model\":").doesNotEndWith("}");
    }

    /**
     * The request is in: its generation exists, so its end is fixed and the clock may move, and its
     * answer is held. (A stream of an earlier test may still be counted while the reset releases it.)
     */
    private static void awaitHeld(OxenSimulator oxen, int generations) {
        Await.until("the request is held", () -> oxen.jobs().size() == generations && oxen.heldResponses() >= 1);
    }

    @Test
    void aResetOfTheSimulatorCutsAHeldRequest(OxenSimulator oxen) {
        CompletableFuture<HttpResponse<byte[]>> held = new OxenClient(oxen).generate(json("model", TEXT_TO_VIDEO, "prompt", "x"));
        awaitHeld(oxen, 1);
        oxen.reset();
        assertThat(held).failsWithin(10, TimeUnit.SECONDS);
    }
}
