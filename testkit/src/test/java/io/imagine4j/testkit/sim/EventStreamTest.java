package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.support.Await;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamTest {

    @RegisterExtension
    static final SimulatorExtension<ToySimulator> TOY = SimulatorExtension.of(ToySimulator::start);

    @Test
    void aStreamWritesOnSimulatorTimeUntilTheSimulatorIsReset(ToySimulator toy) throws Exception {
        ToyClient client = new ToyClient(toy);
        HttpResponse<Stream<String>> response = client.http.client().send(
                Http.request(client.api("/events"), ToyClient.withKey()).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> response.body().forEach(lines::add));

        Await.until("the greeting arrives", () -> lines.contains(": connected"));
        assertThat(toy.heldResponses()).isEqualTo(1);
        toy.advance(ToySimulator.KEEP_ALIVE);
        Await.until("a keep-alive arrives", () -> lines.contains(": keep-alive"));
        toy.advance(ToySimulator.KEEP_ALIVE);
        Await.until("a second keep-alive arrives", () -> lines.stream().filter(": keep-alive"::equals).count() == 2);

        toy.reset();
        // The stream is cut: reading ends (with an error, as the chunked body never completes).
        assertThat(reading).failsWithin(10, TimeUnit.SECONDS);
        Await.until("the stream is released", () -> toy.heldResponses() == 0);
        assertThat(toy.calls(Call.EVENTS)).isZero(); // the journal was reset too
    }

    @Test
    void aStreamDropOpensTheStreamThenCutsIt(ToySimulator toy) throws Exception {
        toy.failNext(Call.EVENTS, new Fault.StreamDrop());
        ToyClient client = new ToyClient(toy);
        List<String> lines = new CopyOnWriteArrayList<>();
        // The cut follows the headers at once: the client sees it while reading the body, or, on a
        // loaded machine, before its send has even returned the response. Either way it is an error.
        CompletableFuture<Void> reading = client.http.client().sendAsync(
                Http.request(client.api("/events"), ToyClient.withKey()).GET().build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        assertThat(reading).failsWithin(10, TimeUnit.SECONDS);
        assertThat(lines).isEmpty();
        // The stream did open: the simulator sent its 200 and the headers before cutting it.
        assertThat(toy.journal().entries()).singleElement().satisfies(entry -> assertThat(entry.status()).contains(200));
    }
}
