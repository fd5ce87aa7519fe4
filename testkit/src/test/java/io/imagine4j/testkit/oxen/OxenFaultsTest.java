package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.internal.json.JsonSyntaxException;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Directives;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.support.Await;
import io.imagine4j.testkit.support.Http;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.imagine4j.testkit.oxen.OxenClient.TEXT_TO_VIDEO;
import static io.imagine4j.testkit.oxen.OxenClient.assertOxenError;
import static io.imagine4j.testkit.oxen.OxenClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each fault of the shared vocabulary, as the Oxen simulator puts it on the wire. */
class OxenFaultsTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(OxenSimulator::start);

    private static final String ENQUEUE = json("model", TEXT_TO_VIDEO, "prompt", "A fox", "duration", 1);

    @Test
    void rateLimitIs429WithRetryAfterAndNoGeneration(OxenSimulator oxen) throws IOException {
        oxen.failNext(Call.SUBMIT, new Fault.RateLimited(Option.some(Duration.ofMillis(7_200))));
        HttpResponse<byte[]> response = new OxenClient(oxen).enqueue(ENQUEUE);
        assertOxenError(response, 429, "too_many_requests", "Rate limit exceeded");
        assertThat(response.headers().firstValue("Retry-After")).contains("8");
        assertThat(oxen.jobs()).isEmpty();
    }

    @Test
    void serverErrorsComeInOxensEnvelope(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String id = client.generation("x", 1);
        oxen.failNext(Call.POLL, new Fault.ServerError(500));
        oxen.failNext(Call.POLL, new Fault.ServerError(502));
        oxen.failNext(Call.POLL, new Fault.ServerError(503));
        oxen.failNext(Call.POLL, new Fault.ServerError(504));
        assertOxenError(client.poll(id), 500, "internal_server_error", "simulated 500");
        assertOxenError(client.poll(id), 502, "bad_gateway", "simulated 502");
        assertOxenError(client.poll(id), 503, "service_unavailable", "simulated 503");
        assertOxenError(client.poll(id), 504, "gateway_timeout", "simulated 504");
        assertThat(client.status(id)).isEqualTo("queued");
        assertThat(oxen.calls(Call.POLL)).isEqualTo(5);
    }

    @Test
    void aResetEnqueueHasStartedItsGenerations(OxenSimulator oxen) {
        oxen.failNext(Call.SUBMIT, new Fault.ConnectionReset());
        OxenClient client = new OxenClient(oxen);
        assertThatThrownBy(() -> client.enqueue(json("model", TEXT_TO_VIDEO, "prompt", "x", "num_generations", 2)))
                .isInstanceOf(IOException.class);
        // The costly ambiguity a client must not retry blindly: both generations exist and are listed.
        assertThat(oxen.jobs()).hasSize(2);
        assertThat(Http.unchecked(() -> client.listed(""))).hasSize(2);
        assertThat(oxen.journal().entries()).first().satisfies(entry -> assertThat(entry.status()).isEmpty());
    }

    @Test
    void aSlowPollSendsItsBodyWhenTheClockHasMoved(OxenSimulator oxen) throws Exception {
        OxenClient client = new OxenClient(oxen);
        Await.until("nothing else is held", () -> oxen.heldResponses() == 0);
        String id = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:poll-slow=30s,slow=10s"));
        CompletableFuture<HttpResponse<InputStream>> headers = client.http.client().sendAsync(
                Http.request(client.api("/ai/queue/" + id), client.withKey()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response = headers.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Await.until("the body is held", () -> oxen.heldResponses() == 1);
        oxen.advance(Duration.ofSeconds(30));
        String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"status\":\"queued\""); // the answer as it was when asked
    }

    @Test
    void malformedAndEmptyPollsAre200sWithoutADocument(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String id = client.enqueuedOne(ENQUEUE, Directives.HEADER, "poll-malformed, instant");
        HttpResponse<byte[]> malformed = client.poll(id);
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JsonReader.parse(malformed.body())).isInstanceOf(JsonSyntaxException.class);

        oxen.failNext(Call.POLL, new Fault.EmptyBody());
        HttpResponse<byte[]> empty = client.poll(id);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
        assertThat(client.status(id)).isEqualTo("succeeded");
    }

    @Test
    void refusalsUseOxensShapes(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String id = client.generation("x", 1);
        oxen.failNext(Call.POLL, new Fault.Unauthorized());
        oxen.failNext(Call.POLL, new Fault.BadRequest("generation_id is malformed."));
        oxen.failNext(Call.POLL, new Fault.NotFound());
        oxen.failNext(Call.POLL, new Fault.ExpiredResult());
        assertOxenError(client.poll(id), 401, "unauthenticated", "Invalid API key.");
        assertOxenError(client.poll(id), 400, "invalid_params", "generation_id is malformed.");
        assertOxenError(client.poll(id), 404, "resource_not_found", "not found");
        assertOxenError(client.poll(id), 404, "resource_not_found", "expired");
        assertThat(client.status(id)).isEqualTo("queued");
    }

    @Test
    void aJobsDirectiveFaultsHitOnlyItsOwnCalls(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String flaky = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:poll-503x2,cancel-429=2s"));
        String steady = client.generation("y", 1);
        assertThat(client.poll(flaky).statusCode()).isEqualTo(503);
        assertThat(client.poll(steady).statusCode()).isEqualTo(200);
        assertThat(client.poll(flaky).statusCode()).isEqualTo(503);
        assertThat(client.poll(flaky).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> limited = client.cancel(flaky);
        assertOxenError(limited, 429, "too_many_requests", "Rate limit");
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(client.status(flaky)).isEqualTo("queued");
        assertThat(client.cancel(flaky).statusCode()).isEqualTo(200);
        assertThat(client.status(flaky)).isEqualTo("cancelled");
    }

    @Test
    void aSubmitDirectiveRefusesTheSameRequestUntilItsCountIsUsedUp(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String body = json("model", TEXT_TO_VIDEO, "prompt", "x #sim:submit-503x2");
        assertOxenError(client.enqueue(body), 503, "service_unavailable", "simulated 503");
        assertOxenError(client.enqueue(body), 503, "service_unavailable", "simulated 503");
        assertThat(oxen.jobs()).isEmpty();
        assertThat(client.enqueued(body)).hasSize(1);
    }

    @Test
    void listFaultsComeInOxensShape(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        oxen.failNext(Call.LIST, new Fault.ServerError(500));
        assertOxenError(client.list(""), 500, "internal_server_error", "simulated 500");
        oxen.failNext(Call.LIST, new Fault.MalformedJson());
        assertThatThrownBy(() -> JsonReader.parse(client.list("").body())).isInstanceOf(JsonSyntaxException.class);
        assertThat(client.listed("")).isEmpty();
    }

    @Test
    void resultDownloadsFailAsAStorageHostDoes(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String id = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:instant,content-expired,content-503", "duration", 1));
        URI url = client.resultUrl(id);
        HttpResponse<byte[]> expired = client.http.get(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(Http.text(expired)).contains("<Code>AccessDenied</Code>", "Request has expired");
        HttpResponse<byte[]> unavailable = client.http.get(url);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(Http.text(unavailable)).contains("<Code>ServiceUnavailable</Code>");
        assertThat(client.download(url)).isNotEmpty();
    }

    @Test
    void aDroppedDownloadAnnouncesTheWholeBodyButSendsHalf(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String id = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:instant,content-drop", "duration", 1));
        URI url = client.resultUrl(id);
        assertThatThrownBy(() -> client.http.get(url)).isInstanceOf(IOException.class);
        byte[] whole = client.download(url);
        HttpResponse<byte[]> rest = client.http.get(url, "Range", "bytes=" + whole.length / 2 + "-");
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.body()).hasSize(whole.length - whole.length / 2);
    }

    @Test
    void aDroppedPollIsCutShort(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String id = client.generation("x", 1);
        oxen.failNext(Call.POLL, new Fault.StreamDrop());
        assertThatThrownBy(() -> client.poll(id)).isInstanceOf(IOException.class);
        assertThat(client.status(id)).isEqualTo("queued");
    }
}
