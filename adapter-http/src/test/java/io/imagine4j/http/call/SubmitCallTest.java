package io.imagine4j.http.call;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.http.client.ApiClients;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.http.support.LoopbackServer;
import io.imagine4j.http.support.Ports;
import io.imagine4j.http.support.RawSocketServer;
import io.imagine4j.http.support.VideoApi;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** One submit per test, over loopback; every case counts the POSTs that reached the server. */
class SubmitCallTest {

    private static final SubmitCall SUBMITS = SubmitCall.with(ErrorClassifier.forProvider("xAI"));
    private static final Map<String, Object> BODY = Map.of("prompt", "a red fox running through snow");

    private static VideoApi api(URI base, Duration readTimeout) {
        return ApiClients.builder(base).connectTimeout(Duration.ofMillis(300)).readTimeout(readTimeout)
                .build(VideoApi.class);
    }

    private static Function<ApiResponse<VideoApi.Created>, Either<JobFailure, SubmitOutcome.Accepted>> accept() {
        return answer -> answer.body().map(created ->
                new SubmitOutcome.Accepted(JobId.of("xai", created.requestId()), JobUpdate.queued("")));
    }

    private static SubmitOutcome submit(URI base, Duration readTimeout) {
        VideoApi api = api(base, readTimeout);
        return SUBMITS.submit(() -> api.generate(BODY), accept());
    }

    @Nested
    class SurelyNotSent {

        @Test
        void connection_refused_is_refused_and_retryable() {
            SubmitOutcome outcome = submit(URI.create("http://127.0.0.1:" + Ports.closed() + "/v1"), Duration.ofSeconds(2));

            assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Refused.class, refused -> {
                assertThat(refused.failure().kind()).isEqualTo(FailureKind.UNAVAILABLE);
                assertThat(refused.failure().code()).isEqualTo("connection_refused");
                assertThat(refused.failure().message()).contains("nothing was sent").contains("POST http://127.0.0.1:");
            });
        }

        @Test
        void connect_timeout_is_refused() throws Exception {
            try (Ports.FullBacklog full = Ports.fullBacklog()) {
                SubmitOutcome outcome = submit(URI.create("http://127.0.0.1:" + full.port() + "/v1"), Duration.ofSeconds(2));

                assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Refused.class,
                        refused -> assertThat(refused.failure().code()).isEqualTo("connect_timeout"));
            }
        }
    }

    @Nested
    class MaybeSent {

        @Test
        void a_reset_after_the_request_arrived_is_ambiguous_after_exactly_one_post() {
            try (RawSocketServer server = RawSocketServer.start(RawSocketServer.resetAfterRequest())) {
                SubmitOutcome outcome = submit(server.url("/v1"), Duration.ofSeconds(2));

                assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Ambiguous.class, ambiguous -> {
                    assertThat(ambiguous.cause().code()).as(ambiguous.cause().message()).isIn("connection_reset", "connection_closed");
                    assertThat(ambiguous.cause().message()).contains("unknown");
                });
                assertThat(server.requests()).isEqualTo(1);
                assertThat(server.heads().get(0)).startsWith("POST /v1/videos/generations");
            }
        }

        @Test
        void a_close_after_the_request_arrived_is_ambiguous() {
            try (RawSocketServer server = RawSocketServer.start(RawSocketServer.closeAfterRequest())) {
                SubmitOutcome outcome = submit(server.url("/v1"), Duration.ofSeconds(2));

                assertThat(outcome).isInstanceOf(SubmitOutcome.Ambiguous.class);
                assertThat(server.requests()).isEqualTo(1);
            }
        }

        @Test
        void no_answer_within_the_read_timeout_is_ambiguous() {
            try (RawSocketServer server = RawSocketServer.start(RawSocketServer.neverAnswer())) {
                SubmitOutcome outcome = submit(server.url("/v1"), Duration.ofMillis(300));

                assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Ambiguous.class,
                        ambiguous -> assertThat(ambiguous.cause().code()).isEqualTo("read_timeout"));
                assertThat(server.requests()).isEqualTo(1);
            }
        }

        @Test
        void an_answer_cut_in_the_middle_of_a_200_is_ambiguous() {
            try (RawSocketServer server = RawSocketServer.start(RawSocketServer.writeThenEnd(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"request_id\":"))) {
                SubmitOutcome outcome = submit(server.url("/v1"), Duration.ofSeconds(2));

                assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Ambiguous.class,
                        ambiguous -> assertThat(ambiguous.cause().code()).as(ambiguous.cause().message())
                                .isEqualTo("truncated_answer"));
                assertThat(server.requests()).isEqualTo(1);
            }
        }
    }

    @Nested
    class Answers {

        @ParameterizedTest(name = "{0} -> {2}")
        @CsvSource(delimiter = '|', value = {
                "429 | {\"error\":{\"message\":\"slow down\"}}                      | Refused   | RATE_LIMITED",
                "503 | ''                                                           | Refused   | UNAVAILABLE",
                "408 | ''                                                           | Refused   | UNAVAILABLE",
                "400 | {\"code\":\"invalid_argument\",\"error\":\"bad duration\"}  | Refused   | INVALID_REQUEST",
                "401 | ''                                                           | Refused   | AUTHENTICATION",
                "429 | {\"error\":{\"code\":\"insufficient_quota\",\"message\":\"You exceeded your current quota\"}} | Refused | QUOTA",
                "500 | {\"code\":\"internal_error\",\"error\":\"boom\"}            | Ambiguous | PROVIDER_ERROR",
                "502 | <html>bad gateway</html>                                     | Ambiguous | PROVIDER_ERROR",
                "504 | ''                                                           | Ambiguous | PROVIDER_ERROR",
        })
        void status_decides_refused_or_ambiguous(int status, String body, String outcome, FailureKind kind) {
            try (LoopbackServer server = LoopbackServer.start()) {
                server.json("/v1/videos/generations", status, body);

                SubmitOutcome result = submit(server.url("/v1"), Duration.ofSeconds(2));

                JobFailure failure = result instanceof SubmitOutcome.Refused refused ? refused.failure()
                        : ((SubmitOutcome.Ambiguous) result).cause();
                assertThat(result.getClass().getSimpleName()).isEqualTo(outcome);
                assertThat(failure.kind()).isEqualTo(kind);
                assertThat(server.received("/v1/videos/generations")).hasSize(1);
            }
        }

        @Test
        void a_429_carries_its_retry_after() {
            try (LoopbackServer server = LoopbackServer.start()) {
                server.answer("/v1/videos/generations", 429, Map.of("Retry-After", "7"), "");

                SubmitOutcome outcome = submit(server.url("/v1"), Duration.ofSeconds(2));

                assertThat(((SubmitOutcome.Refused) outcome).failure().retryAfter())
                        .isEqualTo(Option.some(RetryAfter.of(Duration.ofSeconds(7))));
            }
        }

        @Test
        void a_redirect_is_refused_and_not_followed() {
            try (LoopbackServer server = LoopbackServer.start()) {
                server.answer("/v1/videos/generations", 308, Map.of("Location", "/v2/videos/generations"), "");

                SubmitOutcome outcome = submit(server.url("/v1"), Duration.ofSeconds(2));

                assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Refused.class,
                        refused -> assertThat(refused.failure().kind()).isEqualTo(FailureKind.PROTOCOL));
                assertThat(server.received()).hasSize(1);
            }
        }

        @Test
        void a_readable_200_is_accepted() {
            try (LoopbackServer server = LoopbackServer.start()) {
                server.json("/v1/videos/generations", 200, "{\"request_id\":\"8b0b1f1e\"}");

                SubmitOutcome outcome = submit(server.url("/v1"), Duration.ofSeconds(2));

                assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Accepted.class,
                        accepted -> assertThat(accepted.jobId()).isEqualTo(JobId.of("xai", "8b0b1f1e")));
                assertThat(server.received("/v1/videos/generations").get(0).bodyText())
                        .isEqualTo("{\"prompt\":\"a red fox running through snow\"}");
            }
        }

        @Test
        void an_unreadable_200_is_ambiguous_because_a_job_may_exist() {
            try (LoopbackServer server = LoopbackServer.start()) {
                server.json("/v1/videos/generations", 200, "{\"request_id\": ");

                SubmitOutcome outcome = submit(server.url("/v1"), Duration.ofSeconds(2));

                assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Ambiguous.class,
                        ambiguous -> assertThat(ambiguous.cause().code()).isEqualTo("malformed_json"));
            }
        }

        @Test
        void an_accept_function_that_throws_is_ambiguous() {
            try (LoopbackServer server = LoopbackServer.start()) {
                server.json("/v1/videos/generations", 200, "{}");
                VideoApi api = api(server.url("/v1"), Duration.ofSeconds(2));

                SubmitOutcome outcome = SUBMITS.submit(() -> api.generate(BODY),
                        answer -> Either.right(new SubmitOutcome.Accepted(JobId.of("xai", answer.body().get().requestId()),
                                JobUpdate.queued(""))));

                assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Ambiguous.class,
                        ambiguous -> assertThat(ambiguous.cause().code()).isEqualTo("accept_failed"));
            }
        }
    }
}
