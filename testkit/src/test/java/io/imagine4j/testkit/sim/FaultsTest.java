package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.internal.json.JsonSyntaxException;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.FaultPlan;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.support.Await;
import io.imagine4j.testkit.support.Http;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest {

    @RegisterExtension
    static final SimulatorExtension<ToySimulator> TOY = SimulatorExtension.of(ToySimulator::start);

    @Test
    void rateLimitingAnswers429WithRetryAfterInWholeSeconds(ToySimulator toy) throws IOException {
        toy.failNext(Call.SUBMIT, new Fault.RateLimited(Option.some(Duration.ofMillis(2500))));
        toy.failNext(Call.SUBMIT, new Fault.RateLimited(Option.none()));
        ToyClient client = new ToyClient(toy);

        HttpResponse<byte[]> first = client.submit("a fox");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("3");
        assertThat(Http.json(first).object("error").flatMap(error -> error.string("message"))).isNotEmpty();
        HttpResponse<byte[]> second = client.submit("a fox");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isEmpty();
        assertThat(client.submit("a fox").statusCode()).isEqualTo(201);
        assertThat(toy.jobs()).hasSize(1);
        assertThat(toy.calls(Call.SUBMIT)).isEqualTo(3);
    }

    @Test
    void refusingFaultsAnswerInTheProvidersShapeWithoutDoingTheWork(ToySimulator toy) throws IOException {
        toy.failNext(Call.SUBMIT, new Fault.ServerError(503));
        toy.failNext(Call.SUBMIT, new Fault.BadRequest("no foxes today"));
        toy.failNext(Call.SUBMIT, new Fault.NotFound());
        toy.failNext(Call.SUBMIT, new Fault.Unauthorized());
        ToyClient client = new ToyClient(toy);

        assertThat(client.submit("a fox").statusCode()).isEqualTo(503);
        HttpResponse<byte[]> bad = client.submit("a fox");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.text(bad)).contains("no foxes today");
        assertThat(client.submit("a fox").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> unauthorized = client.submit("a fox");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(Http.text(unauthorized)).contains("wrong api-key");
        assertThat(toy.jobs()).isEmpty();
    }

    @Test
    void commonHeadersComeWithEveryAnswer(ToySimulator toy) throws Exception {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox #sim:instant,poll-503,poll-slow=1s");
        assertThat(client.poll(id).headers().firstValue("X-Toy-Request")).contains("GET /api/jobs/" + id);
        CompletableFuture<HttpResponse<byte[]>> slow = client.http.client().sendAsync(
                Http.request(client.api("/jobs/" + id), ToyClient.withKey()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        Await.until("the body is held", () -> toy.heldResponses() == 1);
        toy.advance(Duration.ofSeconds(1));
        assertThat(slow.get(10, TimeUnit.SECONDS).headers().firstValue("X-Toy-Request")).contains("GET /api/jobs/" + id);
        assertThat(new Http().get(client.api("/jobs/" + id)).headers().firstValue("X-Toy-Request")).contains("GET /api/jobs/" + id);
        URI result = URI.create(client.polled(id).string("url").get());
        assertThat(client.http.get(result).headers().firstValue("X-Toy-Request")).contains("GET " + result.getPath());
    }

    @Test
    void aFaultLastsForItsNumberOfCalls(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.ServerError(500), 2);
        assertThat(client.poll(id).statusCode()).isEqualTo(500);
        assertThat(client.poll(id).statusCode()).isEqualTo(500);
        assertThat(client.poll(id).statusCode()).isEqualTo(200);
        assertThat(toy.journal().entries()).extracting(entry -> entry.status().getOrElse(-1)).containsExactly(201, 500, 500, 200);
    }

    @Test
    void aResetSubmitCreatesTheJobAndSendsNothing(ToySimulator toy) {
        toy.failNext(Call.SUBMIT, new Fault.ConnectionReset());
        ToyClient client = new ToyClient(toy);

        assertThatThrownBy(() -> client.submit("a fox")).isInstanceOf(IOException.class);
        // The ambiguous case: the work started although the client saw no answer.
        assertThat(toy.jobs()).hasSize(1);
        assertThat(toy.journal().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.call()).isEqualTo(Call.SUBMIT);
            assertThat(entry.status()).isEmpty();
        });
    }

    @Test
    void malformedJsonIsA200ThatDoesNotParse(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.MalformedJson());
        HttpResponse<byte[]> response = client.poll(id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThatThrownBy(() -> JsonReader.parse(response.body())).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void anEmptyBodyKeepsTheStatus(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.EmptyBody());
        HttpResponse<byte[]> response = client.poll(id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aDroppedStreamCutsTheBodyShortOfItsLength(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.StreamDrop());
        assertThatThrownBy(() -> client.poll(id)).isInstanceOf(IOException.class);
        assertThat(client.poll(id).statusCode()).isEqualTo(200);
    }

    @Test
    void aSlowBodySendsHeadersAndHoldsTheBodyUntilTheClockMoves(ToySimulator toy) throws Exception {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.SlowBody(Duration.ofSeconds(20)));

        CompletableFuture<HttpResponse<InputStream>> headers = client.http.client().sendAsync(
                Http.request(client.api("/jobs/" + id), ToyClient.withKey()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response = headers.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Await.until("the simulator holds the body", () -> toy.heldResponses() == 1);
        CompletableFuture<byte[]> body = CompletableFuture.supplyAsync(() -> Http.unchecked(() -> response.body().readAllBytes()));

        toy.advance(Duration.ofSeconds(19));
        assertThat(toy.heldResponses()).isEqualTo(1);
        assertThat(body).isNotDone(); // only the held thread writes the body, and it is still held
        toy.advance(Duration.ofSeconds(1));
        assertThat(new String(body.get(10, TimeUnit.SECONDS), java.nio.charset.StandardCharsets.UTF_8)).contains("\"status\":\"queued\""); // the answer of the moment it was asked
        Await.until("the body is released", () -> toy.heldResponses() == 0);
        assertThat(toy.journal().entries().get(1).status()).contains(200);
    }

    @Test
    void aResetCutsAHeldBody(ToySimulator toy) throws Exception {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.SlowBody(Duration.ofMinutes(5)));
        CompletableFuture<HttpResponse<byte[]>> poll = client.http.client().sendAsync(
                Http.request(client.api("/jobs/" + id), ToyClient.withKey()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        Await.until("the simulator holds the body", () -> toy.heldResponses() == 1);
        toy.reset();
        assertThatThrownBy(() -> poll.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
        assertThat(toy.heldResponses()).isZero();
    }

    @Test
    void aJobsOwnFaultsHitOnlyItsCalls(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String flaky = client.submitted("a fox #sim:poll-503x2");
        String steady = client.submitted("a fox");
        assertThat(client.poll(flaky).statusCode()).isEqualTo(503);
        assertThat(client.poll(steady).statusCode()).isEqualTo(200);
        assertThat(client.poll(flaky).statusCode()).isEqualTo(503);
        assertThat(client.poll(flaky).statusCode()).isEqualTo(200);
    }

    @Test
    void aGlobalFaultComesBeforeTheJobsOwn(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox #sim:poll-500");
        toy.failNext(Call.POLL, new Fault.NotFound());
        assertThat(client.poll(id).statusCode()).isEqualTo(404);
        assertThat(client.poll(id).statusCode()).isEqualTo(500);
        assertThat(client.poll(id).statusCode()).isEqualTo(200);
    }

    @Test
    void submitDirectivesRefuseTheirRetriesUntilUsedUp(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        assertThat(client.submit("a fox #sim:submit-429=1sx2").statusCode()).isEqualTo(429);
        assertThat(client.submit("a fox #sim:submit-429=1sx2").headers().firstValue("Retry-After")).contains("1");
        assertThat(toy.jobs()).isEmpty();
        assertThat(client.submit("a fox #sim:submit-429=1sx2").statusCode()).isEqualTo(201);
        assertThat(toy.jobs()).hasSize(1);
        // Another request is another budget.
        assertThat(client.submit("a hen #sim:submit-429=1sx2").statusCode()).isEqualTo(429);
    }

    @Test
    void aSubmitResetDirectiveStillCreatesTheJob(ToySimulator toy) {
        ToyClient client = new ToyClient(toy);
        assertThatThrownBy(() -> client.submit("a fox", "X-Imagine4j-Sim", "submit-reset, instant")).isInstanceOf(IOException.class);
        assertThat(toy.jobs()).singleElement().satisfies(job -> assertThat(job.scenario().processingTime()).isZero());
    }

    @Test
    void aRefusedSubmitKeepsTheScriptedScenarioForTheRetry(ToySimulator toy) throws IOException {
        toy.enqueue(Scenario.expires().withFault(FaultPlan.once(Call.SUBMIT, new Fault.ServerError(502))));
        ToyClient client = new ToyClient(toy);
        assertThat(client.submit("a fox").statusCode()).isEqualTo(502);
        String id = client.submitted("a fox");
        toy.advance(Duration.ofSeconds(3));
        assertThat(client.polled(id).string("status")).contains("expired");
        String next = client.submitted("a fox");
        toy.advance(Duration.ofSeconds(3));
        assertThat(client.polled(next).string("status")).contains("succeeded");
    }

    @Test
    void aSlowSubmitStillCreatesTheJob(ToySimulator toy) throws Exception {
        toy.failNext(Call.SUBMIT, new Fault.SlowBody(Duration.ofSeconds(30)));
        ToyClient client = new ToyClient(toy);
        CompletableFuture<HttpResponse<byte[]>> submit = client.http.client().sendAsync(
                Http.request(client.api("/jobs"), ToyClient.withKey()).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Await.until("the simulator holds the body", () -> toy.heldResponses() == 1);
        assertThat(toy.jobs()).hasSize(1);
        toy.advance(Duration.ofSeconds(30));
        assertThat(submit.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    }
}
