package io.imagine4j.testkit.xai;

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

import static io.imagine4j.testkit.xai.XaiClient.assertFlatError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each fault of the shared vocabulary, as the xAI simulator puts it on the wire. */
class XaiFaultsTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    private static final String GENERATE = "{\"prompt\":\"A fox\",\"duration\":1}";

    @Test
    void rateLimitIs429WithRetryAfter(XaiSimulator xai) throws IOException {
        xai.failNext(Call.SUBMIT, new Fault.RateLimited(Option.some(Duration.ofSeconds(7))));
        HttpResponse<byte[]> response = new XaiClient(xai).post("/videos/generations", GENERATE);
        assertFlatError(response, 429, "Some resource has been exhausted", "Rate limit exceeded");
        assertThat(response.headers().firstValue("Retry-After")).contains("7");
        assertThat(xai.jobs()).isEmpty();
    }

    @Test
    void aStatusGoingBackwardsIsPendingWithNoProgressAndAnUnknownOneIsNoneOfXaisWords(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:instant\",\"duration\":1}");
        assertThat(Http.json(client.poll(id)).string("status")).contains("done");
        xai.failNext(Call.POLL, new Fault.StatusBackwards());
        xai.failNext(Call.POLL, new Fault.UnknownStatus());

        HttpResponse<byte[]> backwards = client.poll(id);
        assertThat(Http.json(backwards).string("status")).contains("pending");
        assertThat(Http.json(backwards).number("progress").map(Number::intValue)).contains(0);
        assertThat(Http.json(client.poll(id)).string("status")).contains(io.imagine4j.testkit.sim.HttpSimulator.UNKNOWN_STATUS);
        assertThat(Http.json(client.poll(id)).string("status")).contains("done");
    }

    @Test
    void serverErrorsAreFlatJsonExceptGatewayPages(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate(GENERATE);
        xai.failNext(Call.POLL, new Fault.ServerError(500));
        xai.failNext(Call.POLL, new Fault.ServerError(503));
        xai.failNext(Call.POLL, new Fault.ServerError(502));
        xai.failNext(Call.POLL, new Fault.ServerError(504));

        assertFlatError(client.poll(id), 500, "Internal error", "simulated 500");
        assertFlatError(client.poll(id), 503, "The service is currently unavailable", "simulated 503");
        HttpResponse<byte[]> badGateway = client.poll(id);
        assertThat(badGateway.statusCode()).isEqualTo(502);
        assertThat(badGateway.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(Http.text(badGateway)).contains("<title>502 Bad Gateway</title>");
        assertThat(Http.text(client.poll(id))).contains("504 Gateway Time-out");
        assertThat(client.poll(id).statusCode()).isEqualTo(202);
    }

    @Test
    void aResetSubmitHasStartedTheJob(XaiSimulator xai) {
        xai.failNext(Call.SUBMIT, new Fault.ConnectionReset());
        assertThatThrownBy(() -> new XaiClient(xai).post("/videos/generations", GENERATE)).isInstanceOf(IOException.class);
        // The costly ambiguity a client must not retry blindly: the job exists.
        assertThat(xai.jobs()).hasSize(1);
        assertThat(xai.journal().entries()).singleElement().satisfies(entry -> assertThat(entry.status()).isEmpty());
    }

    @Test
    void anEmptyPollIs202WithNoBodyEvenWhenTheJobIsDone(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:instant,poll-emptyx2\"}");
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> empty = client.poll(id);
            assertThat(empty.statusCode()).isEqualTo(202);
            assertThat(empty.body()).isEmpty();
            assertThat(empty.headers().firstValue("Content-Type")).isEmpty();
        }
        assertThat(client.poll(id).statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedPollIsA200ThatIsNotJson(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate(GENERATE, Directives.HEADER, "poll-malformed");
        HttpResponse<byte[]> response = client.poll(id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JsonReader.parse(response.body())).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void aSlowPollSendsItsBodyWhenTheClockHasMoved(XaiSimulator xai) throws Exception {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:poll-slow=30s\"}");
        CompletableFuture<HttpResponse<InputStream>> headers = client.http.client().sendAsync(
                Http.request(URI.create(xai.baseUrl() + "/videos/" + id), XaiClient.withKey()).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response = headers.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(202);
        Await.until("the body is held", () -> xai.heldResponses() == 1);
        xai.advance(Duration.ofSeconds(30));
        assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"pending\",\"progress\":0}");
    }

    @Test
    void refusalsOnAPollUseXaisShapes(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate(GENERATE);
        xai.failNext(Call.POLL, new Fault.ExpiredResult());
        xai.failNext(Call.POLL, new Fault.Unauthorized());
        xai.failNext(Call.POLL, new Fault.BadRequest("Request id is malformed."));
        xai.failNext(Call.POLL, new Fault.NotFound());

        assertThat(Http.text(client.poll(id))).isEqualTo("{\"status\":\"expired\"}");
        assertFlatError(client.poll(id), 400, "Client specified an invalid argument", "Incorrect API key provided: xa***89.");
        assertFlatError(client.poll(id), 400, "Client specified an invalid argument", "Request id is malformed.");
        assertFlatError(client.poll(id), 404, "Some requested entity was not found", "not found");
        assertThat(client.poll(id).statusCode()).isEqualTo(202);
        assertThat(xai.calls(Call.POLL)).isEqualTo(5);
    }

    @Test
    void aJobsDirectiveFaultsHitOnlyItsPolls(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String flaky = client.generate("{\"prompt\":\"A fox #sim:poll-503x2,poll-429=2s\"}");
        String steady = client.generate(GENERATE);
        assertThat(client.poll(flaky).statusCode()).isEqualTo(503);
        assertThat(client.poll(steady).statusCode()).isEqualTo(202);
        assertThat(client.poll(flaky).statusCode()).isEqualTo(503);
        HttpResponse<byte[]> limited = client.poll(flaky);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(client.poll(flaky).statusCode()).isEqualTo(202);
    }

    @Test
    void anExpiredResultUrlAnswersAsAStorageHost(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:instant,content-expired\",\"duration\":1}");
        URI url = client.resultUrl(id);
        HttpResponse<byte[]> expired = client.http.get(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(Http.text(expired)).contains("<Code>AccessDenied</Code>");
        assertThat(client.download(url)).isNotEmpty();

        xai.advance(Duration.ofHours(24));
        assertThat(client.http.get(url).statusCode()).isEqualTo(403);
        assertThat(client.poll(id).statusCode()).as("the job itself stays done").isEqualTo(200);
    }

    @Test
    void aSubmitRefusedByItsDirectiveCanBeRetried(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String body = "{\"prompt\":\"A fox #sim:submit-503\"}";
        assertFlatError(client.post("/videos/generations", body), 503, "The service is currently unavailable", "simulated 503");
        assertThat(client.generate(body)).isNotBlank();
        assertThat(xai.jobs()).hasSize(1);
    }
}
