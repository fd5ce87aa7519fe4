package io.imagine4j.testkit.openai;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.imagine4j.testkit.openai.OpenAiClient.assertError;
import static io.imagine4j.testkit.openai.OpenAiClient.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each fault of the shared vocabulary, as the OpenAI simulator puts it on the wire. */
class OpenAiFaultsTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(OpenAiSimulator::start);

    @Test
    void rateLimitIs429WithRetryAfterWhenGiven(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        openai.failNext(Call.SUBMIT, new Fault.RateLimited(Option.some(Duration.ofMillis(6_500))));
        openai.failNext(Call.SUBMIT, new Fault.RateLimited(Option.none()));
        HttpResponse<byte[]> withHint = client.create("A fox");
        assertError(withHint, 429, "requests", null, "rate_limit_exceeded", "Rate limit exceeded");
        assertThat(withHint.headers().firstValue("Retry-After")).contains("7");
        HttpResponse<byte[]> without = client.create("A fox");
        assertError(without, 429, "requests", null, "rate_limit_exceeded", "Rate limit exceeded");
        assertThat(without.headers().firstValue("Retry-After")).isEmpty();
        assertThat(openai.jobs()).as("a refused create creates nothing").isEmpty();
        video(client.create("A fox"));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreServerErrorsInOpenAisShape(int status, OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox");
        openai.failNext(Call.POLL, new Fault.ServerError(status));
        assertError(client.retrieve(id), status, "server_error", null, null, "simulated " + status);
        video(client.retrieve(id));
    }

    @Test
    void directivesRefuseARetriedCreateUntilTheirCountIsSpent(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String prompt = "A fox #sim:submit-429=2sx2";
        assertThat(client.create(prompt).statusCode()).isEqualTo(429);
        assertThat(client.create(prompt).headers().firstValue("Retry-After")).contains("2");
        video(client.create(prompt));
        assertThat(openai.jobs()).hasSize(1);
        assertThat(openai.calls(Call.SUBMIT)).isEqualTo(3);
    }

    @Test
    void aResetCreateHasStartedTheJob(OpenAiSimulator openai) {
        openai.failNext(Call.SUBMIT, new Fault.ConnectionReset());
        assertThatThrownBy(() -> new OpenAiClient(openai).create("A fox")).isInstanceOf(IOException.class);
        // The costly ambiguity a client must not retry blindly: the job exists.
        assertThat(openai.jobs()).hasSize(1);
        assertThat(openai.journal().entries()).singleElement().satisfies(entry -> assertThat(entry.status()).isEmpty());
    }

    @Test
    void aMalformedPollIsA200ThatIsNotJson(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = video(client.post("/videos", MultipartBody.of(MultipartBody.Style.NODE).field("prompt", "A fox"),
                Directives.HEADER, "poll-malformed")).string("id").get();
        HttpResponse<byte[]> response = client.retrieve(id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JsonReader.parse(response.body())).isInstanceOf(JsonSyntaxException.class);
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
    }

    @Test
    void anEmptyPollIsA200WithNoBody(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:poll-empty");
        HttpResponse<byte[]> empty = client.retrieve(id);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
        video(client.retrieve(id));
    }

    @Test
    void aSlowPollSendsItsBodyWhenTheClockHasMoved(OpenAiSimulator openai) throws Exception {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:poll-slow=30s");
        CompletableFuture<HttpResponse<InputStream>> headers = client.http.client().sendAsync(
                Http.request(client.uri("/videos/" + id), OpenAiClient.withKey()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response = headers.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(OpenAiResponses.POLL_AFTER_HEADER)).contains("1000");
        Await.until("the body is held", () -> openai.heldResponses() == 1);
        openai.advance(Duration.ofSeconds(30));
        String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"status\":\"queued\"");
    }

    @Test
    void badRequestAndNotFoundFaultsUseOpenAisShape(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:poll-400,poll-404,delete-503");
        assertError(client.retrieve(id), 400, "invalid_request_error", null, null, "Simulated invalid request (#sim:poll-400).");
        assertError(client.retrieve(id), 404, "invalid_request_error", null, null, "not found");
        video(client.retrieve(id));
        assertError(client.delete("/videos/" + id), 503, "server_error", null, null, "simulated 503");
    }

    @Test
    void anExpiredFaultOnContentIsA404(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant,content-expired");
        assertError(client.content(id, ""), 404, "invalid_request_error", null, null, "expired");
        assertThat(client.content(id, "").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownEndpointOrMethodAnswersInOpenAisShape(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        assertError(client.get("/images"), 404, "invalid_request_error", null, null, "No endpoint GET /v1/images.");
        assertError(client.delete("/videos"), 405, "invalid_request_error", null, null, "Method DELETE is not allowed");
    }
}
