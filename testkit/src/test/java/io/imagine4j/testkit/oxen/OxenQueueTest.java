package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Scenario;
import java.time.Instant;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.imagine4j.testkit.oxen.OxenClient.EDIT;
import static io.imagine4j.testkit.oxen.OxenClient.TEXT_TO_VIDEO;
import static io.imagine4j.testkit.oxen.OxenClient.assertOxenError;
import static io.imagine4j.testkit.oxen.OxenClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The async queue: enqueue, poll, list, cancel, as Oxen answers them. */
class OxenQueueTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(OxenSimulator::start);

    @Test
    void aGenerationIsQueuedThenProcessingThenSucceededWithTimesInUnixSeconds(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        Instant start = oxen.clock().now(); // the manual clock keeps its time across the class's tests
        HttpResponse<byte[]> enqueued = client.enqueue(json("model", TEXT_TO_VIDEO, "prompt", "A fox in the snow", "duration", 4,
                "aspect_ratio", "9:16", "resolution", "720p", "seed", 7));
        assertThat(enqueued.statusCode()).isEqualTo(200);
        JsonObject first = (JsonObject) ((JsonArray) Http.json(enqueued).get("generations").get()).elements().get(0);
        assertThat(first.string("status")).contains("queued");
        String id = first.string("generation_id").get();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        JsonObject queued = client.polled(id);
        assertThat(queued.members().keySet()).startsWith("generation_id", "model_name", "media_type", "status", "prompt",
                "result_url", "error_message", "enqueued_at", "started_at", "completed_at", "target_namespace", "target_repo",
                "target_directory");
        assertThat(queued.string("model_name")).contains(TEXT_TO_VIDEO);
        assertThat(queued.string("media_type")).contains("video");
        assertThat(queued.string("status")).contains("queued");
        assertThat(queued.string("prompt")).contains("A fox in the snow");
        assertThat(queued.number("enqueued_at")).contains(seconds(start));
        for (String absent : List.of("result_url", "error_message", "started_at", "completed_at", "target_repo", "target_directory")) {
            assertThat(queued.get(absent)).as(absent).contains(JsonNull.INSTANCE);
        }
        assertThat(queued.string("target_namespace")).contains(OxenUser.of(OxenClient.KEY).namespace());
        // The request's parameters come back at the top level; there is no progress field.
        assertThat(queued.number("duration")).contains(BigDecimal.valueOf(4));
        assertThat(queued.string("aspect_ratio")).contains("9:16");
        assertThat(queued.string("resolution")).contains("720p");
        assertThat(queued.number("seed")).contains(BigDecimal.valueOf(7));
        assertThat(queued.has("progress")).isFalse();
        assertThat(queued.has("model")).isFalse();

        oxen.advance(Duration.ofSeconds(1));
        JsonObject processing = client.polled(id);
        assertThat(processing.string("status")).contains("processing");
        assertThat(processing.number("started_at")).contains(seconds(start.plusMillis(450))); // 15 % of the default 3 s

        oxen.advance(Duration.ofSeconds(2));
        JsonObject done = client.polled(id);
        assertThat(done.string("status")).contains("succeeded");
        assertThat(done.number("completed_at")).contains(seconds(start.plusSeconds(3)));
        assertThat(done.number("started_at")).contains(seconds(start.plusMillis(450)));
        assertThat(done.string("result_url")).contains(oxen.rootUrl() + "/results/oxen-video-" + id + ".mp4");
        assertThat(done.get("error_message")).contains(JsonNull.INSTANCE);
        assertThat(oxen.job(id).get().params().length()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void numGenerationsEnqueuesThatManyIndependentGenerations(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        List<String> ids = client.enqueued(json("model", TEXT_TO_VIDEO, "prompt", "Four foxes", "num_generations", 4));
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        assertThat(oxen.jobs()).hasSize(4);
        oxen.advance(Duration.ofSeconds(3));
        for (String id : ids) {
            assertThat(client.status(id)).isEqualTo("succeeded");
            assertThat(client.resultUrl(id).getPath()).endsWith("oxen-video-" + id + ".mp4");
        }
        assertThat(client.cancel(ids.get(0)).statusCode()).isEqualTo(200);
        assertThat(oxen.calls(Call.SUBMIT)).isEqualTo(1);
    }

    @Test
    void numGenerationsGoesUpToTheSpecsTwelve(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        List<String> ids = client.enqueued(json("model", TEXT_TO_VIDEO, "prompt", "A dozen foxes", "num_generations", 12));
        assertThat(ids).hasSize(12).doesNotHaveDuplicates();
        assertThat(oxen.jobs()).hasSize(12);
        assertThat(oxen.calls(Call.SUBMIT)).isEqualTo(1);
    }

    @Test
    void aScriptedScenarioGovernsEveryGenerationOfTheNextEnqueue(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        oxen.enqueue(Scenario.fails("internal_error", "The provider fell over."));
        List<String> failing = client.enqueued(json("model", TEXT_TO_VIDEO, "prompt", "x", "num_generations", 2));
        String ordinary = client.generation("y", 1);
        oxen.advance(Duration.ofSeconds(3));
        for (String id : failing) {
            JsonObject failed = client.polled(id);
            assertThat(failed.string("status")).contains("failed");
            assertThat(failed.string("error_message")).contains("The provider fell over.");
            assertThat(failed.get("result_url")).contains(JsonNull.INSTANCE);
        }
        assertThat(client.status(ordinary)).isEqualTo("succeeded");
    }

    @Test
    void aRejectedEnqueueIsAnEmptyGenerationsArrayWithAnError(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        assertRejected(client.enqueue(json("model", "no-such-model", "prompt", "x")), 400, "Model not found: no-such-model");
        assertRejected(client.enqueue(json("prompt", "x")), 400, "model is required");
        assertRejected(client.enqueue(json("model", TEXT_TO_VIDEO, "prompt", "x", "num_generations", 13)), 400,
                "num_generations must be an integer from 1 to 12, got 13");
        assertRejected(client.enqueue(json("model", TEXT_TO_VIDEO, "prompt", "x", "num_generations", 0)), 400, "got 0");
        assertRejected(client.enqueue(json("model", TEXT_TO_VIDEO, "prompt", "x", "num_generations", "2")), 400, "got \"2\"");
        assertRejected(client.enqueue(json("model", TEXT_TO_VIDEO, "prompt", "x", "target_namespace", 3)), 400,
                "target_namespace must be a string");
        assertRejected(client.enqueue(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:no-credits")), 402, "Insufficient credits");
        assertThat(oxen.jobs()).isEmpty();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsAnInvalidParamsError(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        assertOxenError(client.enqueue("{\"model\":"), 400, "invalid_params", "not valid JSON");
        assertOxenError(client.enqueue("[1,2]"), 400, "invalid_params", "must be a JSON object");
        HttpResponse<byte[]> form = client.http.send(Http.request(client.api("/ai/queue"), client.withKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("model=x")).build());
        assertOxenError(form, 415, "unsupported_media_type", "application/json");
        assertOxenError(client.enqueue(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:explode")), 400, "invalid_params",
                "Unknown simulator directive 'explode'");
        assertThat(oxen.jobs()).isEmpty();
    }

    @Test
    void parameterErrorsAreAcceptedAtEnqueueAndFailTheGenerationWhenItRuns(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String resolution = client.enqueuedOne(json("model", EDIT, "prompt", "Make it snow", "input_video",
                "https://cdn.example/clip.mp4", "resolution", "1080p"));
        String textDuration = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x", "duration", "8"));
        String tooLong = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x", "duration", 20));
        String noPrompt = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "aspect_ratio", "21:9"));

        assertThat(client.status(resolution)).isEqualTo("queued");
        assertThat(client.polled(resolution).get("error_message")).contains(JsonNull.INSTANCE);
        oxen.advance(Duration.ofSeconds(3));

        assertThat(client.polled(resolution).string("error_message")).contains("Invalid parameters for model " + EDIT
                + ": resolution must be one of auto, 480p, 720p; got \"1080p\".");
        assertThat(client.polled(textDuration).string("error_message").get()).contains("duration must be an integer; got \"8\"");
        assertThat(client.polled(tooLong).string("error_message").get()).contains("duration must be at most 15; got 20");
        assertThat(client.polled(noPrompt).string("error_message").get())
                .contains("prompt is required", "aspect_ratio must be one of 1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3; got \"21:9\"");
        for (String id : List.of(resolution, textDuration, tooLong, noPrompt)) {
            assertThat(client.status(id)).isEqualTo("failed");
            assertThat(client.polled(id).get("result_url")).contains(JsonNull.INSTANCE);
        }
    }

    @Test
    void aModelsOwnDefaultsAndEnumsDecideTheResult(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String kling = client.enqueuedOne(json("model", "kling-video-v2-6-pro-text-to-video", "multi_prompt",
                new JsonArray(List.of(new JsonString("A fox"), new JsonString("A hare"))), "generate_audio", true));
        String klingSeven = client.enqueuedOne(json("model", "kling-video-v2-6-pro-text-to-video", "prompt", "x", "duration", 7));
        String klingNoPrompt = client.enqueuedOne(json("model", "kling-video-v2-6-pro-text-to-video", "duration", 10));
        String grokDefault = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x"));
        oxen.advance(Duration.ofSeconds(3));

        assertThat(client.status(kling)).isEqualTo("succeeded");
        assertThat(oxen.job(kling).get().params().length()).isEqualTo(Duration.ofSeconds(5));
        assertThat(oxen.job(kling).get().params().prompt()).isEqualTo("A fox A hare");
        assertThat(client.polled(kling).get("multi_prompt").get()).isInstanceOf(JsonArray.class);
        assertThat(client.polled(kling).has("prompt")).isFalse();
        assertThat(client.polled(klingSeven).string("error_message").get()).contains("duration must be one of 5, 10; got 7");
        assertThat(client.polled(klingNoPrompt).string("error_message").get()).contains("one of prompt or multi_prompt is required");
        assertThat(oxen.job(grokDefault).get().params().length()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theListShowsActiveGenerationsUnlessAStatusIsAsked(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String done = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:instant"));
        String failed = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:fail,instant"));
        String queued = client.generation("queued", 1);
        oxen.advance(Duration.ofSeconds(1));
        String processing = client.generation("processing", 1);
        oxen.advance(Duration.ofMillis(500));
        String kling = client.enqueuedOne(json("model", "kling-video-v2-6-pro-text-to-video", "prompt", "x"));
        String cancelled = client.generation("cancelled", 1);
        client.cancel(cancelled);

        assertThat(client.status(queued)).isEqualTo("processing");
        assertThat(client.status(processing)).isEqualTo("processing");
        assertThat(client.listed("")).containsExactly(kling, processing, queued); // newest first, active only
        assertThat(client.listed("status=succeeded")).containsExactly(done);
        assertThat(client.listed("status=failed")).containsExactly(failed);
        assertThat(client.listed("status=cancelled")).containsExactly(cancelled);
        assertThat(client.listed("status=queued")).containsExactly(kling);
        assertThat(client.listed("model=kling-video-v2-6-pro-text-to-video")).containsExactly(kling);
        assertThat(client.listed("media_type=video")).hasSize(3);
        assertThat(client.listed("media_type=image")).isEmpty();
        assertThat(client.listed("namespace=someone-else")).isEmpty();
        assertOxenError(client.list("status=done"), 400, "invalid_params", "status must be one of");
        assertOxenError(client.list("media_type=audio"), 400, "invalid_params", "media_type must be image or video");

        JsonObject row = (JsonObject) ((JsonArray) Http.json(client.list("status=succeeded")).get("generations").get()).elements().get(0);
        assertThat(row).isEqualTo(client.polled(done));
        assertThat(oxen.calls(Call.LIST)).isEqualTo(12);
    }

    @Test
    void cancelStopsAnActiveGenerationAndIsANoOpOnAFinishedOne(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        Instant start = oxen.clock().now();
        String active = client.generation("x", 1);
        String finished = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:instant"));
        oxen.advance(Duration.ofSeconds(1));

        HttpResponse<byte[]> cancel = client.cancel(active);
        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(Http.json(cancel)).isEqualTo(JsonObject.builder().put("status", "success").put("generation_id", active).build());
        JsonObject cancelled = client.polled(active);
        assertThat(cancelled.string("status")).contains("cancelled");
        assertThat(cancelled.number("started_at")).contains(seconds(start.plusMillis(450)));
        assertThat(cancelled.number("completed_at")).contains(seconds(start.plusSeconds(1)));
        oxen.advance(Duration.ofSeconds(5));
        assertThat(client.status(active)).as("a cancelled job stays cancelled").isEqualTo("cancelled");

        assertThat(Http.json(client.cancel(finished)).string("status")).contains("success");
        assertThat(client.status(finished)).isEqualTo("succeeded");
        assertThat(Http.json(client.cancel(active)).string("status")).contains("success");
        assertOxenError(client.cancel("00000000-0000-0000-0000-000000000000"), 404, "resource_not_found",
                "Generation not found: 00000000-0000-0000-0000-000000000000");
        assertThat(oxen.calls(Call.CANCEL)).isEqualTo(4);
    }

    @Test
    void generationsBelongToTheKeyThatEnqueuedThem(OxenSimulator oxen) throws IOException {
        OxenClient mine = new OxenClient(oxen);
        OxenClient theirs = new OxenClient(oxen, OxenClient.OTHER_KEY);
        String id = mine.generation("mine", 1);
        assertOxenError(theirs.poll(id), 404, "resource_not_found", id);
        assertOxenError(theirs.cancel(id), 404, "resource_not_found", id);
        assertThat(theirs.listed("")).isEmpty();
        assertThat(mine.listed("")).containsExactly(id);
        assertThat(mine.status(id)).isEqualTo("queued");
        assertThat(oxen.job(id).get().params().owner()).isEqualTo(OxenUser.of(OxenClient.KEY));
        assertThat(oxen.job(id).get().params().toString()).doesNotContain(OxenClient.KEY);
    }

    @Test
    void theTargetFieldsComeBackAsSent(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String id = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x", "target_namespace", "team",
                "target_repo", "renders", "target_directory", "foxes"));
        JsonObject row = client.polled(id);
        assertThat(row.string("target_namespace")).contains("team");
        assertThat(row.string("target_repo")).contains("renders");
        assertThat(row.string("target_directory")).contains("foxes");
        assertThat(Set.copyOf(row.members().keySet())).doesNotContain("num_generations", "model");
    }

    private static BigDecimal seconds(Instant at) {
        return BigDecimal.valueOf(at.getEpochSecond());
    }

    private static void assertRejected(HttpResponse<byte[]> response, int status, String errorPart) {
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(status);
        JsonObject body = Http.json(response);
        assertThat(body.members().keySet()).containsExactly("generations", "error");
        assertThat(body.get("generations")).contains(new JsonArray(List.of()));
        assertThat(body.string("error").get()).contains(errorPart);
    }
}
