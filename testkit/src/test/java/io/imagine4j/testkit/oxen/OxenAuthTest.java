package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.ApiKeys;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.imagine4j.testkit.oxen.OxenClient.TEXT_TO_VIDEO;
import static io.imagine4j.testkit.oxen.OxenClient.assertOxenError;
import static io.imagine4j.testkit.oxen.OxenClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Bearer auth on every API call, 401 {@code unauthenticated}, unknown routes in Oxen's shape. */
class OxenAuthTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(
            () -> OxenSimulator.start(SimulatorOptions.forTests().withKeys(ApiKeys.exactly(OxenClient.KEY))));

    @Test
    void aMissingOrWrongKeyIs401Unauthenticated(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        assertOxenError(client.http.post(client.api("/ai/queue"), json("model", TEXT_TO_VIDEO, "prompt", "x")), 401, "unauthenticated",
                "send your API key as 'Authorization: Bearer <key>'");
        assertOxenError(client.http.post(client.api("/ai/queue"), json("model", TEXT_TO_VIDEO, "prompt", "x"), "Authorization", "Basic abc"),
                401, "unauthenticated", "send your API key");
        HttpResponse<byte[]> wrong = new OxenClient(oxen, OxenClient.OTHER_KEY).enqueue(json("model", TEXT_TO_VIDEO, "prompt", "x"));
        assertOxenError(wrong, 401, "unauthenticated", "Invalid API key.");
        assertThat(Http.text(wrong)).doesNotContain(OxenClient.OTHER_KEY);
        assertOxenError(client.http.get(client.api("/ai/models")), 401, "unauthenticated", "Bearer");
        assertThat(oxen.jobs()).isEmpty();
        assertThat(oxen.calls(Call.SUBMIT)).isEqualTo(3);
        assertThat(client.enqueued(json("model", TEXT_TO_VIDEO, "prompt", "x"))).hasSize(1);
    }

    @Test
    void unknownPathsAndMethodsAnswerInOxensShape(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        assertOxenError(client.http.get(client.api("/ai/images"), client.withKey()), 404, "resource_not_found", "No endpoint GET /api/ai/images");
        HttpResponse<byte[]> put = client.http.send(Http.request(client.api("/ai/queue"), client.withKey())
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertOxenError(put, 405, "method_not_allowed", "Method PUT is not allowed on /api/ai/queue");
    }

    @Test
    void theKeyIsKeptOutOfTheJournalsText(OxenSimulator oxen) throws IOException {
        new OxenClient(oxen).generation("x", 1);
        assertThat(oxen.journal().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.headers().first("Authorization")).contains("Bearer " + OxenClient.KEY);
            assertThat(entry.toString()).doesNotContain(OxenClient.KEY);
        });
    }
}
