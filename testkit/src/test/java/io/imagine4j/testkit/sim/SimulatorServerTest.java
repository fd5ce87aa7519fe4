package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorServerTest {

    @Test
    void servesSeveralSimulatorsUnderTheirPrefixesOnOnePort() throws IOException {
        try (SimulatorServer server = SimulatorServer.start(0)) {
            ToySimulator first = server.mount("/first", new ToySimulator(SimulatorOptions.forTests()));
            ToySimulator second = server.mount("/second/deeper", new ToySimulator(SimulatorOptions.forTests()));
            assertThat(server.origin()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
            assertThat(first.baseUrl()).isEqualTo(URI.create(server.origin() + "/first/api"));
            assertThat(second.baseUrl()).isEqualTo(URI.create(server.origin() + "/second/deeper/api"));

            String id = new ToyClient(first).submitted("a fox #sim:instant");
            assertThat(new ToyClient(second).poll(id).statusCode()).isEqualTo(404);
            assertThat(new ToyClient(first).polled(id).string("url")).contains(server.origin() + "/first/results/toy-" + id + ".mp4");
            // Paths in the journal are below the mount, the same wherever a simulator is mounted.
            assertThat(first.journal().entries()).extracting(JournalEntry::path).containsExactly("/api/jobs", "/api/jobs/" + id);
            assertThat(second.calls(Call.POLL)).isEqualTo(1);

            HttpResponse<byte[]> nowhere = new Http().get(URI.create(server.origin() + "/third/api/jobs"));
            assertThat(nowhere.statusCode()).isEqualTo(404);
            assertThat(Http.text(nowhere)).contains("No simulator is mounted at /third/api/jobs", first.baseUrl().toString());
            assertThat(server.simulators()).containsExactly(second, first);
        }
    }

    @Test
    void aMountIsCheckedAndUnique() {
        try (SimulatorServer server = SimulatorServer.start(0)) {
            ToySimulator toy = server.mount("/toy", new ToySimulator(SimulatorOptions.forTests()));
            assertThatThrownBy(() -> server.mount("/toy", new ToySimulator(SimulatorOptions.forTests())))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> server.mount("/again", toy)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> server.mount("toy", new ToySimulator(SimulatorOptions.forTests())))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> server.mount("/toy/", new ToySimulator(SimulatorOptions.forTests())))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSimulatorServingAloneListensOnLoopbackAndStopsOnClose() throws IOException {
        ToySimulator toy = ToySimulator.start();
        URI base = toy.baseUrl();
        assertThat(base.getHost()).isEqualTo("127.0.0.1");
        assertThat(base.getPort()).isPositive();
        assertThat(toy.toString()).isEqualTo("toy simulator at " + base);
        assertThat(new ToyClient(toy).submit("a fox").statusCode()).isEqualTo(201);
        toy.close();
        assertThatThrownBy(() -> new Http().get(URI.create(base + "/jobs/1"))).isInstanceOf(ConnectException.class);
    }

    @Test
    void answersLeaveWithoutWaitingForTheClientsAck() {
        // Without TCP_NODELAY every answer on a kept-alive connection stalls for the client's delayed
        // ACK (about 40 ms a request, measured). The JDK server reads the switch once, when it first starts.
        try (ToySimulator toy = ToySimulator.start()) {
            assertThat(toy.baseUrl()).isNotNull();
            assertThat(System.getProperty(SimulatorServer.NO_DELAY)).isEqualTo("true");
        }
    }

    @Test
    void aSimulatorNotServingHasNoUrl() {
        ToySimulator idle = new ToySimulator(SimulatorOptions.forTests());
        assertThatThrownBy(idle::baseUrl).isInstanceOf(IllegalStateException.class).hasMessageContaining("not serving");
        assertThat(idle.toString()).isEqualTo("toy simulator at (not serving)");
    }

    @Test
    void aGivenPortIsUsed() throws IOException {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ToySimulator toy = ToySimulator.start(SimulatorOptions.forTests().withPort(port))) {
            assertThat(toy.baseUrl().getPort()).isEqualTo(port);
        }
    }
}
