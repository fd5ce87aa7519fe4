package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JournalAndAuthTest {

    @RegisterExtension
    static final SimulatorExtension<ToySimulator> TOY = SimulatorExtension.of(ToySimulator::start);

    @Test
    void recordsEachRequestWithItsAnswer(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        java.time.Instant start = toy.clock().now();
        String id = client.submitted("a fox", "X-Trace", "t-1");
        toy.advance(Duration.ofSeconds(1));
        client.http.get(URI.create(client.api("/jobs/" + id) + "?verbose=1&x=a%20b"), ToyClient.withKey());

        assertThat(toy.journal().entries()).hasSize(2);
        JournalEntry submit = toy.journal().entries().get(0);
        assertThat(submit.sequence()).isEqualTo(1);
        assertThat(submit.method()).isEqualTo("POST");
        assertThat(submit.path()).isEqualTo("/api/jobs");
        assertThat(submit.call()).isEqualTo(Call.SUBMIT);
        assertThat(submit.status()).contains(201);
        assertThat(submit.bodySize()).isEqualTo("{\"prompt\":\"a fox\"}".length());
        assertThat(submit.at()).isEqualTo(start);
        assertThat(submit.headers().first("x-trace")).contains("t-1");
        // Credentials are kept for assertions, and redacted when printed.
        assertThat(submit.headers().first("API-KEY")).contains(ToyClient.KEY);
        assertThat(submit.toString()).doesNotContain(ToyClient.KEY).contains("[redacted]");

        JournalEntry poll = toy.journal().entries().get(1);
        assertThat(poll.sequence()).isEqualTo(2);
        assertThat(poll.path()).isEqualTo("/api/jobs/" + id);
        assertThat(poll.query()).isEqualTo("verbose=1&x=a%20b");
        assertThat(poll.call()).isEqualTo(Call.POLL);
        assertThat(poll.at()).isEqualTo(start.plusSeconds(1));
        assertThat(toy.calls(Call.SUBMIT)).isEqualTo(1);
        assertThat(toy.calls(Call.POLL)).isEqualTo(1);
        assertThat(toy.calls(Call.CONTENT)).isZero();
    }

    @Test
    void aMissingKeyIsRefusedInTheProvidersShape(ToySimulator toy) throws IOException {
        HttpResponse<byte[]> response = new Http().post(URI.create(toy.baseUrl() + "/jobs"), "{\"prompt\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.text(response)).isEqualTo("{\"error\":{\"status\":401,\"message\":\"missing api-key\"}}");
        assertThat(toy.jobs()).isEmpty();
        assertThat(toy.calls(Call.SUBMIT)).isEqualTo(1);
        assertThat(toy.journal().entries().get(0).status()).contains(401);
    }

    @Test
    void aBlankKeyCountsAsMissing(ToySimulator toy) throws IOException {
        HttpResponse<byte[]> response = new Http().post(URI.create(toy.baseUrl() + "/jobs"), "{\"prompt\":\"x\"}", "api-key", " ");
        assertThat(Http.text(response)).contains("missing api-key");
    }

    @Test
    void anyNonEmptyKeyIsAcceptedByDefault(ToySimulator toy) throws IOException {
        HttpResponse<byte[]> response = new Http().post(URI.create(toy.baseUrl() + "/jobs"), "{\"prompt\":\"x\"}", "api-key", "whatever");
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void anExpectedKeyRefusesOthers() throws IOException {
        try (ToySimulator strict = ToySimulator.start(SimulatorOptions.forTests().withKeys(ApiKeys.exactly("the-key")))) {
            URI jobs = URI.create(strict.baseUrl() + "/jobs");
            assertThat(Http.text(new Http().post(jobs, "{\"prompt\":\"x\"}", "api-key", "other-key"))).contains("wrong api-key");
            assertThat(new Http().post(jobs, "{\"prompt\":\"x\"}", "api-key", "the-key").statusCode()).isEqualTo(201);
            assertThat(strict.options().keys().toString()).doesNotContain("the-key");
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheProvidersShape(ToySimulator toy) throws IOException {
        Http http = new Http();
        HttpResponse<byte[]> missing = http.get(URI.create(toy.baseUrl() + "/nothing"), ToyClient.withKey());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.json(missing).object("error").flatMap(error -> error.string("message"))).contains("No endpoint GET /api/nothing.");
        HttpResponse<byte[]> wrongMethod = http.send(Http.request(URI.create(toy.baseUrl() + "/jobs"), ToyClient.withKey())
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(toy.journal().entries()).extracting(JournalEntry::call).containsExactly(Call.OTHER, Call.OTHER);
    }

    @Test
    void resetForgetsTheJournalJobsAndScriptsButNotTheTime(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        java.time.Instant start = toy.clock().now();
        client.submitted("a fox");
        toy.enqueue(io.imagine4j.testkit.scenario.Scenario.moderated());
        toy.failNext(Call.POLL, new io.imagine4j.testkit.scenario.Fault.NotFound());
        toy.advance(Duration.ofSeconds(5));
        toy.reset();

        assertThat(toy.journal().entries()).isEmpty();
        assertThat(toy.jobs()).isEmpty();
        assertThat(toy.clock().now()).isEqualTo(start.plusSeconds(5));
        String id = client.submitted("a fox");
        assertThat(client.poll(id).statusCode()).isEqualTo(200);
        toy.advance(Duration.ofSeconds(3));
        assertThat(client.polled(id).string("status")).contains("succeeded");
    }
}
