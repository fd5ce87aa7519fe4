package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.BackendControl;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static io.imagine4j.testkit.oxen.OxenClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit extension runs one Oxen simulator for the class and resets its Oxen state (uploads too) between tests. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OxenExtensionTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(OxenSimulator::start);

    private static URI uploaded;
    private static String generation;

    @Test
    @Order(1)
    void injectsTheSimulatorByType(OxenSimulator oxen, BackendControl control) throws IOException {
        assertThat(oxen).isSameAs(OXEN.get()).isSameAs(control);
        assertThat(oxen.baseUrl().getPath()).isEqualTo("/api");
        assertThat(oxen.name()).isEqualTo("oxen");
        OxenClient client = new OxenClient(oxen);
        generation = client.generation("x", 1);
        client.upload("ox", "clips", "main", List.of(OxenClient.Part.file("files[]", "a.txt", "text/plain", new byte[] {1})));
        uploaded = oxen.fileUrl("ox", "clips", "main", "a.txt");
        assertThat(client.download(uploaded)).containsExactly(1);
    }

    @Test
    @Order(2)
    void theNextTestStartsFromNothing(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        assertThat(oxen.jobs()).isEmpty();
        assertThat(oxen.uploads()).isEmpty();
        assertThat(oxen.openEventStreams()).isZero();
        assertThat(oxen.calls(Call.SUBMIT)).isZero();
        assertThat(client.http.get(uploaded).statusCode()).isEqualTo(404);
        assertThat(client.poll(generation).statusCode()).isEqualTo(404);
        assertThat(client.enqueued(json("model", OxenClient.TEXT_TO_VIDEO, "prompt", "again"))).hasSize(1);
        assertThat(Http.text(client.list(""))).contains("again");
    }
}
