package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.imagine4j.testkit.oxen.OxenClient.OTHER_KEY;
import static io.imagine4j.testkit.oxen.OxenClient.TEXT_TO_VIDEO;
import static io.imagine4j.testkit.oxen.OxenClient.assertOxenError;
import static io.imagine4j.testkit.oxen.OxenClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /ai/generations/{id}}: every generation of the caller, finished ones too, with what it cost. */
class OxenHistoryTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(OxenSimulator::start);

    @Test
    void aSucceededGenerationIsShownWithItsCostInTheSuccessEnvelope(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String id = client.generation("A fox", 6);
        oxen.advance(Duration.ofSeconds(3));

        JsonObject body = history(client, id);
        assertThat(body.string("status")).contains("success");
        assertThat(body.string("status_message")).contains("resource_found");
        JsonObject generation = body.object("generation").get();
        assertThat(generation.string("generation_id")).contains(id);
        assertThat(generation.string("model_name")).contains(TEXT_TO_VIDEO);
        assertThat(generation.string("status")).contains("succeeded");
        assertThat(generation.string("result_url")).contains(client.resultUrl(id).toString());
        assertThat(generation.string("cost")).contains("0.3"); // 6 s at 0.05 USD per output second
        assertThat(oxen.calls(Call.POLL)).isEqualTo(2);
    }

    @Test
    void whatAnOlderServersQueueForgetsTheHistoryStillShows(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String id = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "A fox #sim:legacy,fail=internal_error", "duration", 2));
        oxen.advance(Duration.ofSeconds(3));
        assertThat(client.poll(id).statusCode()).isEqualTo(404);

        JsonObject generation = history(client, id).object("generation").get();
        assertThat(generation.string("status")).contains("failed");
        assertThat(generation.string("error_message")).isNotEmpty();
        assertThat(generation.get("cost")).contains(JsonNull.INSTANCE);
    }

    @Test
    void anotherUsersOrAnUnknownGenerationIsNotFound(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String id = client.generation("A fox", 2);
        OxenClient someoneElse = new OxenClient(oxen, OTHER_KEY);
        assertOxenError(someoneElse.http.get(someoneElse.api("/ai/generations/" + id), someoneElse.withKey()), 404,
                "resource_not_found", id);
        assertOxenError(client.http.get(client.api("/ai/generations/nope"), client.withKey()), 404, "resource_not_found", "nope");
    }

    private static JsonObject history(OxenClient client, String id) throws IOException {
        HttpResponse<byte[]> response = client.http.get(client.api("/ai/generations/" + id), client.withKey());
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        return Http.json(response);
    }
}
