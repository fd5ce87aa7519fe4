package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.internal.json.JsonSyntaxException;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.support.Await;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A blocking endpoint: its answer waits, whole, for the simulator clock to reach the job's end. */
class DeferredReplyTest {

    @RegisterExtension
    static final SimulatorExtension<ToySimulator> TOY = SimulatorExtension.of(ToySimulator::start);

    @Test
    void nothingIsSentUntilTheClockReachesTheAnswersTime(ToySimulator toy) throws Exception {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        CompletableFuture<HttpResponse<byte[]>> outcome = outcome(client, id);

        Await.until("the answer is held", () -> toy.heldResponses() == 1);
        toy.advance(Duration.ofSeconds(2));
        assertThat(outcome).isNotDone();
        assertThat(toy.journal().entries()).last().satisfies(entry -> assertThat(entry.status()).isEmpty());
        toy.advance(Duration.ofSeconds(1));

        HttpResponse<byte[]> response = outcome.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.text(response)).isEqualTo("{\"status\":\"succeeded\"}");
        assertThat(toy.journal().entries()).last().satisfies(entry -> assertThat(entry.status()).contains(200));
        Await.until("the thread is released", () -> toy.heldResponses() == 0);
    }

    @Test
    void aRejectionDecidedLaterIsRenderedInTheProvidersShape(ToySimulator toy) throws Exception {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox #sim:fail,instant");
        HttpResponse<byte[]> response = outcome(client, id).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(Http.text(response)).isEqualTo("{\"error\":{\"status\":409,\"message\":\"the job failed\"}}");
    }

    @Test
    void anAlteringFaultShapesTheAnswerOnceReady(ToySimulator toy) throws Exception {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.MalformedJson());
        CompletableFuture<HttpResponse<byte[]>> outcome = outcome(client, id);
        Await.until("the answer is held", () -> toy.heldResponses() == 1);
        toy.advance(Duration.ofSeconds(3));
        HttpResponse<byte[]> response = outcome.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JsonReader.parse(response.body())).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void aResetDropsTheHeldConnectionAtOnce(ToySimulator toy) throws Exception {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.ConnectionReset());
        assertThat(outcome(client, id)).failsWithin(10, TimeUnit.SECONDS);
        assertThat(toy.heldResponses()).isZero();
        assertThat(toy.journal().entries()).last().satisfies(entry -> assertThat(entry.status()).isEmpty());
    }

    @Test
    void aSimulatorResetCutsAHeldAnswer(ToySimulator toy) throws Exception {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        CompletableFuture<HttpResponse<byte[]>> outcome = outcome(client, id);
        Await.until("the answer is held", () -> toy.heldResponses() == 1);
        toy.reset();
        assertThat(outcome).failsWithin(10, TimeUnit.SECONDS);
        Await.until("the thread is released", () -> toy.heldResponses() == 0);
    }

    private static CompletableFuture<HttpResponse<byte[]>> outcome(ToyClient client, String id) {
        // A POST, as blocking endpoints are: the JDK client never retries one whose connection drops.
        return client.http.client().sendAsync(Http.request(client.api("/jobs/" + id + "/outcome"), ToyClient.withKey())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
