package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Directives;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.scenario.Step;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JobLifecycleTest {

    @RegisterExtension
    static final SimulatorExtension<ToySimulator> TOY = SimulatorExtension.of(ToySimulator::start);

    @Test
    void aJobFollowsItsScenarioOnTheManualClock(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        java.time.Instant start = toy.clock().now();
        String id = client.submitted("a fox");
        assertThat(client.polled(id).string("status")).contains("queued");
        toy.advance(Duration.ofMillis(1200)); // 40 % of the default 3 s
        assertThat(client.polled(id).string("status")).contains("running");
        assertThat(client.polled(id).number("progress")).contains(BigDecimal.valueOf(35));
        toy.advance(Duration.ofMillis(1799));
        assertThat(client.polled(id).string("status")).contains("running");
        toy.advance(Duration.ofMillis(1));
        assertThat(client.polled(id).string("status")).contains("succeeded");
        assertThat(client.polled(id).string("url")).contains(toy.rootUrl() + "/results/toy-" + id + ".mp4");

        SimJob<String> job = toy.job(id).get();
        assertThat(job.params()).isEqualTo("a fox");
        assertThat(job.submittedAt()).isEqualTo(start);
        assertThat(job.endsAt()).isEqualTo(start.plusSeconds(3));
    }

    @Test
    void enqueuedScenariosGoToTheNextJobsInOrder(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        toy.enqueue(Scenario.instant());
        toy.enqueue(Scenario.expires().withProcessingTime(Duration.ofSeconds(1)));
        String first = client.submitted("one #sim:fail");   // the enqueued scenario wins over directives
        String second = client.submitted("two");
        String third = client.submitted("three");           // nothing left: the default
        toy.advance(Duration.ofSeconds(1));

        assertThat(client.polled(first).string("status")).contains("succeeded");
        assertThat(client.polled(second).string("status")).contains("expired");
        assertThat(client.polled(third).string("status")).contains("running");
    }

    @Test
    void directivesInThePromptOrTheHeaderChooseTheScenario(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String failing = client.submitted("a fox #sim:fail=permission_denied,time=10s");
        String expiring = client.submitted("a fox", Directives.HEADER, "expire; instant");
        String blocked = client.submitted("a fox #sim:toy=blocked,instant");

        assertThat(client.polled(expiring).string("status")).contains("expired");
        assertThat(client.polled(blocked).string("status")).contains("failed");
        assertThat(toy.job(blocked).get().scenario().outcome()).isInstanceOf(io.imagine4j.testkit.scenario.Outcome.Moderated.class);
        toy.advance(Duration.ofSeconds(9));
        assertThat(client.polled(failing).string("status")).contains("running");
        toy.advance(Duration.ofSeconds(1));
        assertThat(client.polled(failing).string("status")).contains("failed");
    }

    @Test
    void anUnknownDirectiveIsA400NamingTheVocabularyAndCreatesNoJob(ToySimulator toy) throws IOException {
        HttpResponse<byte[]> response = new ToyClient(toy).submit("a fox #sim:explode");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.text(response)).contains("Unknown simulator directive 'explode'", "CALL-FAULT", "The toy simulator also knows: toy=blocked");
        assertThat(toy.jobs()).isEmpty();
    }

    @Test
    void customStepsAreReported(ToySimulator toy) throws IOException {
        toy.enqueue(Scenario.succeedsAfter(Duration.ofSeconds(10)).withSteps(
                Step.queued(Duration.ZERO), Step.running(Duration.ofSeconds(2), 5), Step.running(Duration.ofSeconds(6), 80)));
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("steps");
        toy.advance(Duration.ofSeconds(2));
        assertThat(client.polled(id).number("progress")).contains(BigDecimal.valueOf(5));
        toy.advance(Duration.ofSeconds(4));
        assertThat(client.polled(id).number("progress")).contains(BigDecimal.valueOf(80));
    }

    @Test
    void aCancelStopsARunningJobButNotAFinishedOne(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String running = client.submitted("a fox");
        String finished = client.submitted("a fox #sim:instant");
        toy.advance(Duration.ofSeconds(2));
        assertThat(Http.json(cancel(client, running)).get("cancelled")).contains(io.imagine4j.testkit.internal.json.JsonBoolean.TRUE);
        assertThat(Http.json(cancel(client, finished)).get("cancelled")).contains(io.imagine4j.testkit.internal.json.JsonBoolean.FALSE);
        toy.advance(Duration.ofSeconds(5));
        assertThat(client.polled(running).string("status")).contains("cancelled");
        assertThat(client.polled(running).number("progress")).contains(BigDecimal.valueOf(65));
        assertThat(client.polled(finished).string("status")).contains("succeeded");
    }

    private static HttpResponse<byte[]> cancel(ToyClient client, String id) throws IOException {
        return client.http.send(Http.request(client.api("/jobs/" + id), ToyClient.withKey()).DELETE().build());
    }

    @Test
    void aPollOfAnUnknownJobIs404(ToySimulator toy) throws IOException {
        assertThat(new ToyClient(toy).poll("nope").statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyHandlerRejectionKeepsItsParam(ToySimulator toy) throws IOException {
        HttpResponse<byte[]> response = new Http().send(Http.request(new ToyClient(toy).api("/jobs"), ToyClient.withKey())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(Http.text(response)).isEqualTo("{\"error\":{\"status\":400,\"message\":\"prompt is required\",\"param\":\"prompt\"}}");
    }
}
