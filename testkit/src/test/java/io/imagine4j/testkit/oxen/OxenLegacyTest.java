package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Directives;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.imagine4j.testkit.oxen.OxenClient.TEXT_TO_VIDEO;
import static io.imagine4j.testkit.oxen.OxenClient.assertOxenError;
import static io.imagine4j.testkit.oxen.OxenClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code #sim:legacy}: an older Oxen server, which adapters still meet. */
class OxenLegacyTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(OxenSimulator::start);

    @Test
    void anOlderServerSaysProcessingNamesTheFieldModelAndForgetsFinishedJobs(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        try (EventLines events = client.events()) {
            HttpResponse<byte[]> enqueued = client.enqueue(json("model", TEXT_TO_VIDEO, "prompt", "A fox #sim:legacy"));
            assertThat(enqueued.statusCode()).isEqualTo(200);
            JsonObject generation = (JsonObject) ((JsonArray) Http.json(enqueued).get("generations").get()).elements().get(0);
            assertThat(generation.string("status")).contains("processing");
            String id = generation.string("generation_id").get();

            JsonObject row = client.polled(id);
            assertThat(row.string("model")).contains(TEXT_TO_VIDEO);
            assertThat(row.has("model_name")).isFalse();
            assertThat(row.string("status")).contains("queued");
            assertThat(client.listed("")).containsExactly(id);

            oxen.advance(Duration.ofSeconds(3));
            assertOxenError(client.poll(id), 404, "resource_not_found", "Generation not found: " + id);
            assertOxenError(client.cancel(id), 404, "resource_not_found", id);
            assertThat(client.listed("")).isEmpty();
            assertThat(client.listed("status=succeeded")).isEmpty();
            // The queue has forgotten it: the event stream (or the generations history) tells the outcome.
            JsonObject completed = events.awaitCompletion(event -> event.data().contains(id)).json();
            assertThat(completed.string("status")).contains("succeeded");
            assertThat(client.download(java.net.URI.create(completed.string("url").get()))).isNotEmpty();
        }
    }

    @Test
    void theDialectCanComeByHeaderAndAppliesToEveryGenerationOfTheRequest(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        HttpResponse<byte[]> enqueued = client.enqueue(json("model", TEXT_TO_VIDEO, "prompt", "x", "num_generations", 2),
                Directives.HEADER, "legacy; instant");
        assertThat(Http.text(enqueued)).doesNotContain("\"queued\"").contains("\"processing\"");
        assertThat(oxen.jobs()).hasSize(2).allSatisfy(job -> assertThat(job.params().legacy()).isTrue());
        for (var job : oxen.jobs()) {
            assertThat(client.poll(job.id()).statusCode()).isEqualTo(404);
        }
        String current = client.generation("today's server", 1);
        assertThat(client.polled(current).has("model_name")).isTrue();
    }
}
