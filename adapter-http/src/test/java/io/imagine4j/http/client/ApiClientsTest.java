package io.imagine4j.http.client;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.ApiKey;
import io.imagine4j.http.auth.InsecureBaseUrlException;
import io.imagine4j.http.call.ApiCall;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.error.HttpFailureException;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.http.support.LoopbackServer;
import io.imagine4j.http.support.RawSocketServer;
import io.imagine4j.http.support.VideoApi;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ApiClientsTest {

    private static final String KEY = "xai-test-key-0123456789";

    private final LoopbackServer api = LoopbackServer.start();
    private final LoopbackServer elsewhere = LoopbackServer.start();

    @AfterEach
    void stop() {
        api.close();
        elsewhere.close();
    }

    private VideoApi client() {
        URI base = api.url("/v1");
        return ApiClients.builder(base)
                .credentials(ApiCredentials.bearer(base, ApiKey.of(KEY)))
                .errorClassifier(ErrorClassifier.forProvider("xAI"))
                .readTimeout(Duration.ofSeconds(5))
                .build(VideoApi.class);
    }

    @Nested
    class Credentials {

        @Test
        void the_key_goes_to_the_api_origin() {
            api.json("/v1/videos/abc", 200, "{\"status\":\"pending\"}");

            client().poll("abc");

            assertThat(api.received("/v1/videos/abc")).singleElement()
                    .satisfies(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY));
        }

        @Test
        void an_absolute_url_on_another_origin_never_gets_the_key() {
            elsewhere.json("/result.mp4", 200, "{\"status\":\"done\"}");

            client().fetch(elsewhere.url("/result.mp4?sig=1"));

            assertThat(elsewhere.received("/result.mp4")).singleElement()
                    .satisfies(request -> assertThat(request.hasHeader("Authorization")).isFalse());
        }

        @Test
        void a_redirect_on_the_same_origin_keeps_the_key() {
            api.answer("/v1/videos/abc/content", 302, Map.of("Location", "/v1/videos/moved"), "");
            api.json("/v1/videos/moved", 200, "{\"status\":\"done\"}");

            ApiResponse<VideoApi.Poll> answer = client().redirected("abc");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(api.received("/v1/videos/moved")).singleElement()
                    .satisfies(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY));
        }

        @Test
        void a_redirect_to_another_origin_is_followed_without_the_key_even_back_home() {
            api.answer("/v1/videos/abc/content", 302, Map.of("Location", elsewhere.url("/bucket/v").toString()), "");
            elsewhere.answer("/bucket/v", 307, Map.of("Location", api.url("/v1/videos/back").toString()), "");
            api.json("/v1/videos/back", 200, "{\"status\":\"done\"}");

            ApiResponse<VideoApi.Poll> answer = client().redirected("abc");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(elsewhere.received("/bucket/v")).singleElement()
                    .satisfies(request -> assertThat(request.hasHeader("Authorization")).isFalse());
            assertThat(api.received("/v1/videos/back")).singleElement()
                    .satisfies(request -> assertThat(request.hasHeader("Authorization")).isFalse());
        }

        @Test
        void a_post_redirect_is_handed_back_not_followed_so_the_jdk_never_follows_on_its_own() {
            api.answer("/v1/videos/generations", 307, Map.of("Location", elsewhere.url("/steal").toString()), "");

            ApiResponse<VideoApi.Created> answer = client().generate(Map.of("prompt", "a fox"));

            assertThat(answer.status()).isEqualTo(307);
            assertThat(elsewhere.received()).isEmpty();
        }

        @Test
        void an_adapter_set_credential_header_is_replaced_by_the_configured_one() {
            api.json("/v1/videos/abc", 200, "{\"status\":\"pending\"}");

            client().pollWithOwnHeader("abc", "smuggled");

            assertThat(api.received("/v1/videos/abc")).singleElement().satisfies(request -> {
                assertThat(request.hasHeader("api-key")).isFalse();
                assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
            });
        }

        @Test
        void azure_style_api_key_header() {
            api.json("/v1/videos/abc", 200, "{\"status\":\"pending\"}");
            URI base = api.url("/v1");
            VideoApi azure = ApiClients.builder(base).credentials(ApiCredentials.apiKeyHeader(base, ApiKey.of(KEY)))
                    .build(VideoApi.class);

            azure.poll("abc");

            assertThat(api.received("/v1/videos/abc")).singleElement().satisfies(request -> {
                assertThat(request.header("api-key")).isEqualTo(KEY);
                assertThat(request.hasHeader("Authorization")).isFalse();
            });
        }

        @Test
        void https_is_required_off_loopback_and_credentials_must_match_the_base_url() {
            assertThatThrownBy(() -> ApiClients.builder(URI.create("http://api.example.com/v1")))
                    .isInstanceOf(InsecureBaseUrlException.class);
            assertThatThrownBy(() -> ApiClients.builder(api.url("/v1"))
                    .credentials(ApiCredentials.bearer(URI.create("https://api.x.ai/v1"), ApiKey.of(KEY))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("https://api.x.ai")
                    .hasMessageNotContaining(KEY);
        }
    }

    @Nested
    class Answers {

        @Test
        void every_status_reaches_the_adapter_with_headers_and_body() {
            api.answer("/v1/videos/pending-empty", 202, Map.of("x-request-id", "req-1"), "");
            api.json("/v1/videos/pending", 202, "{\"status\":\"pending\",\"progress\":24,\"new_field\":[1,2]}");
            api.json("/v1/videos/moderated", 400,
                    "{\"code\":\"imagine:content-moderated\",\"error\":\"Generated video rejected by content moderation.\"}");
            VideoApi client = client();

            ApiResponse<VideoApi.Poll> empty = client.poll("pending-empty");
            ApiResponse<VideoApi.Poll> pending = client.poll("pending");
            ApiResponse<VideoApi.Poll> moderated = client.poll("moderated");

            assertThat(empty.status()).isEqualTo(202);
            assertThat(empty.hasBody()).isFalse();
            assertThat(empty.headers().requestId().get()).isEqualTo("req-1");
            assertThat(empty.body().getLeft().code()).isEqualTo("empty_body");
            assertThat(pending.body().get()).isEqualTo(new VideoApi.Poll("pending", 24));
            assertThat(moderated.status()).isEqualTo(400);
            assertThat(moderated.bodyText()).contains("imagine:content-moderated");
            assertThat(moderated.request()).isEqualTo("GET " + api.url("/v1/videos/moderated"));
        }

        @Test
        void malformed_json_is_a_protocol_failure_value() {
            api.json("/v1/videos/bad", 200, "{\"status\": ");

            Either<JobFailure, VideoApi.Poll> body = client().poll("bad").body();

            assertThat(body.getLeft().kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(body.getLeft().code()).isEqualTo("malformed_json");
        }

        @Test
        void plain_typed_methods_throw_the_classified_failure_and_api_call_makes_it_a_value() {
            api.json("/v1/models", 401, "{\"error\":{\"message\":\"Invalid key\",\"type\":\"auth\",\"code\":\"invalid_api_key\"}}");

            assertThatThrownBy(() -> client().models())
                    .isInstanceOf(HttpFailureException.class)
                    .satisfies(e -> assertThat(((HttpFailureException) e).status()).isEqualTo(401));
            Either<JobFailure, VideoApi.Models> models = ApiCall.with(ErrorClassifier.forProvider("xAI"))
                    .value(() -> client().models());
            assertThat(models.getLeft().kind()).isEqualTo(FailureKind.AUTHENTICATION);
            assertThat(models.getLeft().code()).isEqualTo("invalid_api_key");
        }

        @Test
        void plain_typed_methods_decode_2xx_ignoring_unknown_fields() {
            api.json("/v1/models", 200, "{\"data\":[\"grok-imagine-video\"],\"object\":\"list\"}");

            assertThat(client().models().data()).containsExactly("grok-imagine-video");
        }

        @Test
        void a_body_above_the_limit_is_refused_as_a_value() {
            api.json("/v1/videos/huge", 200, "{\"status\":\"" + "x".repeat(4_000) + "\"}");
            URI base = api.url("/v1");
            VideoApi small = ApiClients.builder(base).maxResponseBytes(1_000).build(VideoApi.class);

            Either<JobFailure, ApiResponse<VideoApi.Poll>> answer = ApiCall.with(ErrorClassifier.forProvider("xAI"))
                    .exchange(() -> small.poll("huge"));

            assertThat(answer.getLeft().kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(answer.getLeft().code()).isEqualTo("response_too_large");
        }
    }

    @Nested
    class Transport {

        @Test
        void calls_reuse_one_pooled_connection_over_http_1_1_in_clear_text() {
            api.json("/v1/videos/abc", 200, "{\"status\":\"pending\"}");
            VideoApi client = client();

            client.poll("abc");
            client.poll("abc");
            client.poll("abc");

            assertThat(api.received("/v1/videos/abc")).extracting(LoopbackServer.Received::clientPort).containsOnly(
                    api.received("/v1/videos/abc").get(0).clientPort());
            assertThat(api.received("/v1/videos/abc").get(0).hasHeader("Upgrade")).isFalse();
        }
    }

    @Nested
    class Bounds {

        @Test
        void a_body_that_stalls_after_its_headers_fails_the_call_after_the_read_timeout() throws Exception {
            try (RawSocketServer stalling = RawSocketServer.start(RawSocketServer.writeThenStall(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"status\":"))) {
                VideoApi client = ApiClients.builder(stalling.url("/v1")).readTimeout(Duration.ofMillis(300)).build(VideoApi.class);

                // The server never sends the rest: only the read timeout can end the call (the bound fails a hang).
                Either<JobFailure, ApiResponse<VideoApi.Poll>> answer = assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> ApiCall.with(ErrorClassifier.forProvider("xAI")).exchange(() -> client.poll("abc")));

                assertThat(answer.getLeft().kind()).isEqualTo(FailureKind.UNAVAILABLE);
                assertThat(answer.getLeft().code()).isEqualTo("read_timeout");
            }
        }

        @Test
        void an_endless_body_is_refused_once_it_passes_the_limit_not_read_whole() throws Exception {
            try (RawSocketServer endless = RawSocketServer.start(endlessChunkedJson())) {
                VideoApi client = ApiClients.builder(endless.url("/v1")).maxResponseBytes(64 * 1024)
                        .readTimeout(Duration.ofSeconds(30)).build(VideoApi.class);

                // A client that read the body whole would never return: it has no end.
                Either<JobFailure, ApiResponse<VideoApi.Poll>> answer = assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> ApiCall.with(ErrorClassifier.forProvider("xAI")).exchange(() -> client.poll("abc")));

                assertThat(answer.getLeft().kind()).isEqualTo(FailureKind.PROTOCOL);
                assertThat(answer.getLeft().code()).isEqualTo("response_too_large");
            }
        }

        @Test
        void a_body_declared_larger_than_the_limit_is_refused_before_it_is_read() {
            api.answer("/v1/videos/big", 200, Map.of("Content-Type", "application/json"), "{\"status\":\"" + "x".repeat(5_000) + "\"}");
            VideoApi small = ApiClients.builder(api.url("/v1")).maxResponseBytes(1_000).build(VideoApi.class);

            Either<JobFailure, ApiResponse<VideoApi.Poll>> answer = ApiCall.with(ErrorClassifier.forProvider("xAI"))
                    .exchange(() -> small.poll("big"));

            assertThat(answer.getLeft().code()).isEqualTo("response_too_large");
            assertThat(answer.getLeft().message()).contains("at least 5013");
        }

        @Test
        void a_call_that_timed_out_mid_body_closes_its_connection() throws Exception {
            CountDownLatch clientLeft = new CountDownLatch(1);
            try (RawSocketServer stalling = RawSocketServer.start((socket, head) -> {
                socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n{".getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                awaitEndOfInput(socket, clientLeft);
            })) {
                VideoApi timingOut = ApiClients.builder(stalling.url("/v1")).readTimeout(Duration.ofMillis(200)).build(VideoApi.class);

                assertThat(ApiCall.with(ErrorClassifier.forProvider("xAI")).exchange(() -> timingOut.poll("abc")).getLeft().code())
                        .isEqualTo("read_timeout");

                // A connection left open would hold a socket, and the JDK client's selector, for good.
                assertThat(clientLeft.await(20, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
            }
        }

        @Test
        void a_call_whose_body_was_refused_as_too_large_closes_its_connection() throws Exception {
            CountDownLatch clientLeft = new CountDownLatch(1);
            RawSocketServer.Behaviour endless = endlessChunkedJson();
            try (RawSocketServer server = RawSocketServer.start((socket, head) -> {
                endless.handle(socket, head); // returns once the client has gone (a write failed)
                clientLeft.countDown();
            })) {
                VideoApi tooLarge = ApiClients.builder(server.url("/v1")).maxResponseBytes(16 * 1024).build(VideoApi.class);

                assertThat(ApiCall.with(ErrorClassifier.forProvider("xAI")).exchange(() -> tooLarge.poll("abc")).getLeft().code())
                        .isEqualTo("response_too_large");

                assertThat(clientLeft.await(20, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
            }
        }

        /** Reads until the client closes its side (or resets it), then counts {@code left} down. */
        private static void awaitEndOfInput(Socket socket, CountDownLatch left) {
            try (InputStream in = socket.getInputStream()) {
                while (in.read() >= 0) {
                    // a request body or a next request would be ignored: only the end matters
                }
            } catch (IOException reset) {
                // a reset is a close too
            }
            left.countDown();
        }

        /** 200 JSON, chunked, then white space for as long as the client reads. */
        private static RawSocketServer.Behaviour endlessChunkedJson() {
            return (socket, head) -> {
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                byte[] spaces = " ".repeat(8192).getBytes(StandardCharsets.ISO_8859_1);
                byte[] chunk = ("2000\r\n" + new String(spaces, StandardCharsets.ISO_8859_1) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                out.write("1\r\n{\r\n".getBytes(StandardCharsets.ISO_8859_1));
                try {
                    while (true) {
                        out.write(chunk);
                    }
                } catch (IOException clientLeft) {
                    socket.close();
                }
            };
        }
    }

    @Nested
    class NoRetries {

        @Test
        void a_503_is_asked_once() {
            api.answer("/v1/videos/abc", 503, Map.of("Retry-After", "1"), "");

            ApiResponse<VideoApi.Poll> answer = client().poll("abc");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(api.received()).hasSize(1);
        }

        @Test
        void a_transport_failure_is_tried_once() {
            api.on("/v1/videos/generations", (request, exchange) -> exchange.close());

            Either<JobFailure, ApiResponse<VideoApi.Created>> answer = ApiCall.with(ErrorClassifier.forProvider("xAI"))
                    .exchange(() -> client().generate(Map.of("prompt", "a fox")));

            assertThat(answer.getLeft().kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(api.received()).hasSize(1);
        }
    }
}
