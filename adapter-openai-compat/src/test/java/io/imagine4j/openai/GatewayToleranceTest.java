package io.imagine4j.openai;

import com.sun.net.httpserver.HttpServer;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.openai.OpenAiSettings;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.sim.SimulatorOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.imagine4j.openai.OpenAiVideoProviderTest.submit;
import static org.assertj.core.api.Assertions.assertThat;

/** What gateways in front of OpenAI-compatible servers do to the protocol, each tolerated, over real HTTP. */
class GatewayToleranceTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(() -> OpenAiSimulator.start(
            SimulatorOptions.forTests(), OpenAiSettings.defaults().withPollAfter(Duration.ofMillis(1_500))));

    OpenAiSimulator sim;
    OpenAiVideoProvider openai;

    @BeforeEach
    void connect() {
        sim = OPENAI.get();
        openai = OpenAiVideos.builder().apiKey("k-0123456789").baseUrl(sim.baseUrl()).build();
    }

    List<JobUpdate> trace(JobId id) {
        List<JobUpdate> updates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            updates.add(openai.poll(id).get());
            sim.advance(Duration.ofSeconds(1));
        }
        return updates;
    }

    @Nested
    class TheSimulatorsGatewayDialect {
        @Test
        void pending_processing_and_succeeded_are_read_by_their_meaning() {
            JobId id = submit(openai, VideoRequest.textToVideo("A fox #sim:gateway=statuses"));

            List<JobUpdate> updates = trace(id);

            assertThat(updates).extracting(JobUpdate::rawStatus).contains("pending", "processing", "succeeded");
            assertThat(updates.get(0).status()).isEqualTo(JobStatus.QUEUED);
            assertThat(updates).filteredOn(u -> u.rawStatus().equals("processing")).extracting(JobUpdate::status)
                    .containsOnly(JobStatus.RUNNING);
            assertThat(updates.get(updates.size() - 1).status()).isEqualTo(JobStatus.SUCCEEDED);
        }

        @Test
        void rewritten_ids_are_the_ids_used() {
            JobId id = submit(openai, VideoRequest.textToVideo("A fox #sim:gateway=ids"));
            sim.advance(Duration.ofSeconds(5));

            assertThat(id.value()).startsWith("vid-");
            assertThat(openai.poll(id).get().status()).isEqualTo(JobStatus.SUCCEEDED);
        }

        @Test
        void timestamps_in_milliseconds_are_told_from_seconds_by_magnitude() {
            JobId seconds = submit(openai, VideoRequest.textToVideo("A fox"));
            JobId millis = submit(openai, VideoRequest.textToVideo("A fox #sim:gateway=ms"));
            sim.advance(Duration.ofSeconds(5));

            GeneratedVideo inSeconds = openai.poll(seconds).get().result().get();
            GeneratedVideo inMillis = openai.poll(millis).get().result().get();
            JobPage page = openai.list(JobQuery.all()).get();

            Instant expected = sim.job(millis.value()).get().endsAt().plus(Duration.ofHours(24));
            assertThat(inMillis.expiresAt().get()).isEqualTo(expected);
            assertThat(inSeconds.expiresAt().get()).isEqualTo(expected);
            assertThat(page.jobs()).extracting(job -> job.createdAt().get())
                    .containsOnly(sim.job(millis.value()).get().submittedAt());
        }

        @Test
        void a_gateway_that_cancels_on_delete_and_expires_jobs_is_read_as_such() {
            JobId running = submit(openai, VideoRequest.textToVideo("A fox #sim:gateway=statuses,slow=20s"));
            JobId expiring = submit(openai, VideoRequest.textToVideo("A fox #sim:gateway=statuses,expire"));
            sim.advance(Duration.ofSeconds(4));

            assertThat(openai.delete(running).get()).isEqualTo(running);
            assertThat(openai.poll(running).get().status()).isEqualTo(JobStatus.CANCELLED);
            JobUpdate expired = openai.poll(expiring).get();
            assertThat(expired.status()).isEqualTo(JobStatus.EXPIRED);
            assertThat(expired.failure().get().kind()).isEqualTo(FailureKind.EXPIRED);
        }

        @Test
        void openai_poll_after_ms_becomes_the_poll_hint() {
            JobId id = submit(openai, VideoRequest.textToVideo("A fox"));

            assertThat(openai.poll(id).get().pollAfter().get()).isEqualTo(Duration.ofMillis(1_500));
        }

        @Test
        void the_request_id_is_in_every_failure_message() {
            JobId moderated = submit(openai, VideoRequest.textToVideo("A fox #sim:moderated"));
            sim.advance(Duration.ofSeconds(5));

            JobFailure verdict = openai.poll(moderated).get().failure().get();
            JobFailure unknown = openai.poll(JobId.of("openai", "video_unknown")).getLeft();
            sim.failNext(Call.POLL, new Fault.ServerError(500), 1);
            JobFailure serverError = openai.poll(moderated).getLeft();

            assertThat(verdict.kind()).isEqualTo(FailureKind.MODERATION);
            assertThat(verdict.code()).isEqualTo("moderation_blocked");
            assertThat(List.of(verdict, unknown, serverError)).allSatisfy(f -> assertThat(f.message()).containsPattern("request id req_[0-9a-f]{32}"));
        }
    }

    /** A server of the test's own, for what the simulator never says: unknown statuses and fields. */
    @Nested
    class AnUnforeseenServer {
        HttpServer server;

        @BeforeEach
        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/videos/gen-1", exchange -> answer(exchange, "{\"id\":\"gen-1\",\"object\":\"video\","
                    + "\"status\":\"rendering\",\"progress\":61.5,\"created_at\":1767225600000,\"queue_position\":3,"
                    + "\"usage\":{\"gpu_seconds\":12},\"error\":null}"));
            server.createContext("/v1/videos/gen-2", exchange -> answer(exchange, "{\"id\":\"gen-2\",\"status\":\"COMPLETED\","
                    + "\"seconds\":8,\"size\":\"1280x720\",\"expires_at\":\"1767312000\",\"provider\":{\"name\":\"x\"}}"));
            server.start();
            openai = OpenAiVideos.builder().apiKey("k-0123456789").baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                    .otherModels(OpenAiModels.sora2().renamed("any")).build();
        }

        @org.junit.jupiter.api.AfterEach
        void stop() {
            server.stop(0);
        }

        @Test
        void an_unknown_status_is_a_job_not_finished_and_unknown_fields_are_ignored() {
            JobUpdate update = openai.poll(JobId.of("openai", "gen-1")).get();

            assertThat(update.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(update.rawStatus()).isEqualTo("rendering");
            assertThat(update.progress().get()).isEqualTo(61);
        }

        @Test
        void numbers_where_strings_belong_and_strings_where_numbers_belong_are_read() {
            JobUpdate update = openai.poll(JobId.of("openai", "gen-2")).get();

            assertThat(update.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(update.result().get().duration().get()).isEqualTo(Duration.ofSeconds(8));
            assertThat(update.result().get().expiresAt().get()).isEqualTo(Instant.ofEpochSecond(1767312000L));
        }

        private void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-request-id", "req_gateway");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
