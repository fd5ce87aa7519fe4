package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.internal.json.JsonObject;
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
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The faults that spoil an answer (or withhold it) rather than refuse the call, on the toy simulator. */
class SpoiledAnswersTest {

    @RegisterExtension
    static final SimulatorExtension<ToySimulator> TOY = SimulatorExtension.of(ToySimulator::start);

    @Test
    void a_retry_after_as_an_http_date_is_the_simulator_time_plus_the_wait_rounded_up_to_the_second(ToySimulator toy)
            throws IOException {
        toy.failNext(Call.SUBMIT, new Fault.RateLimited(Option.some(Duration.ofMillis(2500)), true));
        Instant now = toy.clock().now();

        HttpResponse<byte[]> refused = new ToyClient(toy).submit("a fox");

        assertThat(refused.statusCode()).isEqualTo(429);
        Instant at = ZonedDateTime.parse(refused.headers().firstValue("Retry-After").get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        assertThat(at).isAfterOrEqualTo(now.plusMillis(2500)).isBefore(now.plusMillis(3500));
        assertThat(at.getNano()).isZero();
        assertThat(Directives.parse("a fox #sim:submit-429date=2s", null).faults().get(0).fault())
                .isEqualTo(new Fault.RateLimited(Option.some(Duration.ofSeconds(2)), true));
    }

    @Test
    void truncated_json_keeps_the_status_and_a_matching_length_but_stops_before_the_documents_end(ToySimulator toy)
            throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        String whole = new String(client.poll(id).body(), StandardCharsets.UTF_8);
        toy.failNext(Call.POLL, new Fault.TruncatedJson());

        HttpResponse<byte[]> cut = client.poll(id);

        assertThat(cut.statusCode()).isEqualTo(200);
        String text = new String(cut.body(), StandardCharsets.UTF_8);
        assertThat(whole).startsWith(text);
        assertThat(text.length()).isLessThan(whole.length());
        assertThat(cut.headers().firstValue("Content-Length")).contains(String.valueOf(cut.body().length));
        assertThatThrownBy(() -> JsonReader.parse(cut.body())).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void a_wrong_content_type_is_a_200_html_page(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox #sim:poll-html");

        HttpResponse<byte[]> page = client.poll(id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(Http.text(page)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void an_oversized_body_is_the_answer_padded_with_white_space_sent_chunked(ToySimulator toy) throws Exception {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.OversizedBody(3L * 1024 * 1024 + 5));

        HttpResponse<byte[]> padded = client.poll(id);

        assertThat(padded.headers().firstValue("Content-Length")).isEmpty();
        assertThat(padded.body()).hasSize(3 * 1024 * 1024 + 5);
        assertThat(JsonReader.parse(padded.body())).isInstanceOf(JsonObject.class); // still one valid document
        assertThat(Directives.parse("a fox #sim:poll-oversized", null).faults().get(0).fault())
                .isEqualTo(new Fault.OversizedBody(Directives.OVERSIZED_BYTES));
    }

    @Test
    void an_oversized_body_stops_when_the_client_hangs_up(ToySimulator toy) throws Exception {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.OversizedBody(Long.MAX_VALUE));
        HttpResponse<InputStream> endless = client.http.client().send(
                Http.request(client.api("/jobs/" + id), ToyClient.withKey()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = endless.body()) {
            assertThat(body.readNBytes(1024 * 1024)).hasSize(1024 * 1024);
        }
        Await.until("the simulator stops writing", () -> toy.heldResponses() == 0);
    }

    @Test
    void an_unknown_status_replaces_the_answers_status_and_nothing_else(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox #sim:poll-unknown");

        JsonObject answer = Http.json(client.poll(id));

        assertThat(answer.string("status")).contains(HttpSimulator.UNKNOWN_STATUS);
        assertThat(answer.string("id")).contains(id);
        assertThat(client.polled(id).string("status")).contains("queued");
    }

    @Test
    void a_status_going_backwards_is_the_first_status_with_no_progress(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.advance(Duration.ofSeconds(2));
        assertThat(client.polled(id).string("status")).contains("running");
        toy.failNext(Call.POLL, new Fault.StatusBackwards());

        JsonObject answer = Http.json(client.poll(id));

        assertThat(answer.string("status")).contains("queued");
        assertThat(answer.number("progress").map(Number::intValue)).contains(0);
    }

    @Test
    void garbage_keeps_the_status_and_content_type_with_bytes_that_are_no_json(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.Garbage());

        HttpResponse<byte[]> noise = client.poll(id);

        assertThat(noise.statusCode()).isEqualTo(200);
        assertThat(noise.body()).startsWith(0, 0, (byte) 0xFF);
        assertThatThrownBy(() -> JsonReader.parse(noise.body())).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void no_answer_withholds_even_the_headers_until_the_clock_moves_and_a_submit_still_creates_its_job(ToySimulator toy)
            throws Exception {
        toy.failNext(Call.SUBMIT, new Fault.NoAnswer(Duration.ofSeconds(30)));
        ToyClient client = new ToyClient(toy);
        CompletableFuture<HttpResponse<byte[]>> submit = client.http.client().sendAsync(
                Http.request(client.api("/jobs"), ToyClient.withKey())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Await.until("the simulator holds the answer", () -> toy.heldResponses() == 1);
        assertThat(toy.jobs()).hasSize(1);
        assertThat(submit).isNotDone();

        toy.advance(Duration.ofSeconds(30));

        assertThat(submit.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(Directives.parse("x #sim:poll-hang", null).faults().get(0).fault())
                .isEqualTo(new Fault.NoAnswer(Duration.ofSeconds(30)));
    }

    @Test
    void a_cross_origin_redirect_points_at_the_other_loopback_name_and_records_a_credential_sent_there(ToySimulator toy)
            throws IOException, InterruptedException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox");
        toy.failNext(Call.POLL, new Fault.CrossOriginRedirect());

        HttpResponse<byte[]> redirect = client.poll(id);

        assertThat(redirect.statusCode()).isEqualTo(307);
        URI target = URI.create(redirect.headers().firstValue("Location").get());
        assertThat(target.getHost()).isEqualTo("localhost");
        assertThat(target.getPort()).isEqualTo(toy.baseUrl().getPort());
        assertThat(target.getRawPath()).isEqualTo(client.api("/jobs/" + id).getRawPath());
        assertThat(toy.credentialLeaks()).isEmpty();

        HttpClient plain = HttpClient.newHttpClient();
        assertThat(plain.send(Http.request(target).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode())
                .isEqualTo(401); // the other origin wants a key it must never be given
        assertThat(toy.credentialLeaks()).isEmpty();
        assertThat(plain.send(Http.request(target, ToyClient.withKey()).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                .statusCode()).isEqualTo(200);
        assertThat(toy.credentialLeaks()).singleElement().satisfies(leak -> assertThat(leak.path()).isEqualTo(target.getRawPath()
                .substring(toy.rootUrl().getRawPath().length())));
    }
}
