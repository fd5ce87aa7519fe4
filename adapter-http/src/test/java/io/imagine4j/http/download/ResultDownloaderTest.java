package io.imagine4j.http.download;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.ApiKey;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.support.LoopbackServer;
import io.imagine4j.http.support.Ports;
import io.imagine4j.http.support.RangeFile;
import io.imagine4j.http.support.RawSocketServer;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultDownloaderTest {

    private static final byte[] VIDEO = RangeFile.bytes(300_000);
    private static final String KEY = "sk-download-secret-0123456789";

    private final LoopbackServer cdn = LoopbackServer.start();
    private final LoopbackServer api = LoopbackServer.start();
    private final ResultDownloader downloads = ResultDownloader.create(DownloadSettings.defaults(),
            ErrorClassifier.forProvider("xAI"));

    @AfterEach
    void stop() {
        cdn.close();
        api.close();
    }

    private static byte[] readAll(Either<JobFailure, VideoContent> opened) throws IOException {
        try (VideoContent content = opened.get()) {
            return content.body().readAllBytes();
        }
    }

    @Nested
    class ResultUrls {

        @Test
        void the_whole_file_streams_without_any_credential_or_range() throws IOException {
            cdn.on("/v.mp4", RangeFile.serving(VIDEO));

            Either<JobFailure, VideoContent> opened = downloads.open(cdn.url("/v.mp4?sig=abc"), 0);

            assertThat(opened.get().offset()).isZero();
            assertThat(opened.get().totalSize()).isEqualTo(Option.some((long) VIDEO.length));
            assertThat(readAll(opened)).isEqualTo(VIDEO);
            assertThat(cdn.received("/v.mp4")).singleElement().satisfies(request -> {
                assertThat(request.hasHeader("Authorization")).isFalse();
                assertThat(request.hasHeader("api-key")).isFalse();
                assertThat(request.hasHeader("Range")).isFalse();
                assertThat(request.uri().getQuery()).isEqualTo("sig=abc");
            });
        }

        @Test
        void a_resume_asks_for_a_range_and_a_206_continues_there() throws IOException {
            cdn.on("/v.mp4", RangeFile.serving(VIDEO));

            Either<JobFailure, VideoContent> opened = downloads.open(cdn.url("/v.mp4"), 100_000);

            assertThat(opened.get().offset()).isEqualTo(100_000);
            assertThat(opened.get().totalSize()).isEqualTo(Option.some((long) VIDEO.length));
            assertThat(readAll(opened)).isEqualTo(Arrays.copyOfRange(VIDEO, 100_000, VIDEO.length));
            assertThat(cdn.received("/v.mp4").get(0).header("Range")).isEqualTo("bytes=100000-");
        }

        @Test
        void a_200_to_a_range_request_starts_at_zero() throws IOException {
            cdn.on("/v.mp4", RangeFile.ignoringRanges(VIDEO));

            Either<JobFailure, VideoContent> opened = downloads.open(cdn.url("/v.mp4"), 100_000);

            assertThat(opened.get().offset()).isZero();
            assertThat(readAll(opened)).isEqualTo(VIDEO);
        }

        @Test
        void a_416_starts_over_from_zero() throws IOException {
            cdn.on("/v.mp4", (request, exchange) -> {
                if (request.hasHeader("Range")) {
                    LoopbackServer.reply(exchange, 416, Map.of("Content-Range", "bytes */" + VIDEO.length), new byte[0]);
                } else {
                    RangeFile.send(exchange, 200, VIDEO, 0, VIDEO.length);
                }
            });

            Either<JobFailure, VideoContent> opened = downloads.open(cdn.url("/v.mp4"), 999_999);

            assertThat(opened.get().offset()).isZero();
            assertThat(readAll(opened)).isEqualTo(VIDEO);
            assertThat(cdn.received("/v.mp4")).hasSize(2);
        }

        @Test
        void a_206_with_a_range_beyond_the_asked_offset_is_refused() {
            cdn.on("/v.mp4", (request, exchange) -> {
                exchange.getResponseHeaders().add("Content-Range", "bytes 5000-9999/300000");
                RangeFile.send(exchange, 206, VIDEO, 5000, 10_000);
            });

            assertThat(downloads.open(cdn.url("/v.mp4"), 100).getLeft().code()).isEqualTo("bad_content_range");
        }

        @Test
        void redirects_are_followed_across_origins() throws IOException {
            api.answer("/r/v.mp4", 302, Map.of("Location", cdn.url("/v.mp4?sig=1").toString()), "");
            cdn.on("/v.mp4", RangeFile.serving(VIDEO));

            assertThat(readAll(downloads.open(api.url("/r/v.mp4"), 0))).isEqualTo(VIDEO);
        }

        @ParameterizedTest
        @ValueSource(ints = {401, 403, 404, 410})
        void a_refused_or_missing_result_has_expired(int status) {
            cdn.on("/v.mp4", RangeFile.status(status, Map.of()));

            JobFailure failure = downloads.open(cdn.url("/v.mp4?X-Amz-Signature=secret"), 0).getLeft();

            assertThat(failure.kind()).isEqualTo(FailureKind.EXPIRED);
            assertThat(failure.message()).contains("no longer available").doesNotContain("secret");
        }

        @Test
        void server_trouble_is_transient_and_rate_limits_carry_their_wait() {
            cdn.on("/busy.mp4", RangeFile.status(503, Map.of()));
            cdn.on("/broken.mp4", RangeFile.status(500, Map.of()));
            cdn.on("/slow.mp4", RangeFile.status(429, Map.of("Retry-After", "3")));

            assertThat(downloads.open(cdn.url("/busy.mp4"), 0).getLeft().kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(downloads.open(cdn.url("/broken.mp4"), 0).getLeft().kind().isTransient()).isTrue();
            JobFailure limited = downloads.open(cdn.url("/slow.mp4"), 0).getLeft();
            assertThat(limited.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(limited.retryAfter()).isEqualTo(Option.some(RetryAfter.of(Duration.ofSeconds(3))));
        }

        @Test
        void an_unreachable_host_is_unavailable() {
            JobFailure failure = downloads.open(URI.create("http://127.0.0.1:" + Ports.closed() + "/v.mp4"), 0).getLeft();

            assertThat(failure.kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(failure.code()).isEqualTo("connection_refused");
        }
    }

    @Nested
    class SizeAndTime {

        @Test
        void an_announced_length_above_the_limit_is_refused_before_reading() {
            cdn.on("/v.mp4", RangeFile.serving(VIDEO));
            ResultDownloader small = ResultDownloader.create(DownloadSettings.defaults().withMaxBytes(1_000),
                    ErrorClassifier.forProvider("xAI"));

            JobFailure failure = small.open(cdn.url("/v.mp4"), 0).getLeft();

            assertThat(failure.kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(failure.code()).isEqualTo("too_large");
            assertThat(small.open(cdn.url("/v.mp4"), 500).getLeft().code()).isEqualTo("too_large");
        }

        @Test
        void a_stream_without_length_is_cut_at_the_limit() {
            cdn.on("/v.mp4", RangeFile.chunked(VIDEO));
            ResultDownloader small = ResultDownloader.create(DownloadSettings.defaults().withMaxBytes(10_000),
                    ErrorClassifier.forProvider("xAI"));

            Either<JobFailure, VideoContent> opened = small.open(cdn.url("/v.mp4"), 0);

            assertThat(opened.get().totalSize()).isEqualTo(Option.none());
            assertThatThrownBy(() -> opened.get().body().readAllBytes())
                    .isInstanceOf(IOException.class).hasMessageContaining("larger than the limit of 10000 bytes");
        }

        @Test
        @Timeout(10)
        void bytes_are_handed_over_as_they_arrive_not_after_the_whole_file() throws Exception {
            CountDownLatch firstPartRead = new CountDownLatch(1);
            cdn.on("/v.mp4", (request, exchange) -> {
                exchange.sendResponseHeaders(200, VIDEO.length);
                OutputStream out = exchange.getResponseBody();
                out.write(VIDEO, 0, 1_000);
                out.flush();
                try {
                    firstPartRead.await(10, TimeUnit.SECONDS); // the rest only once the client has read the start
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.write(VIDEO, 1_000, VIDEO.length - 1_000);
                out.close();
            });

            try (VideoContent content = downloads.open(cdn.url("/v.mp4"), 0).get()) {
                byte[] start = content.body().readNBytes(1_000);
                firstPartRead.countDown();
                byte[] rest = content.body().readAllBytes();

                assertThat(start).isEqualTo(Arrays.copyOf(VIDEO, 1_000));
                assertThat(rest).isEqualTo(Arrays.copyOfRange(VIDEO, 1_000, VIDEO.length));
            }
        }

        @Test
        void a_body_that_goes_silent_fails_after_the_idle_timeout() {
            try (RawSocketServer stalling = RawSocketServer.start(RawSocketServer.writeThenStall(
                    "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789"))) {
                ResultDownloader impatient = ResultDownloader.create(
                        DownloadSettings.defaults().withIdleTimeout(Duration.ofMillis(200)), ErrorClassifier.forProvider("xAI"));

                Either<JobFailure, VideoContent> opened = impatient.open(stalling.url("/v.mp4"), 0);

                InputStream body = opened.get().body();
                assertThatThrownBy(body::readAllBytes).isInstanceOf(SocketTimeoutException.class);
            }
        }
    }

    @Nested
    class ContentEndpoints {

        private final ApiCredentials credentials = ApiCredentials.bearer(api.url("/v1"), ApiKey.of(KEY));

        @Test
        void the_key_goes_to_the_api_origin_and_not_to_where_it_redirects() throws IOException {
            api.answer("/v1/videos/video_123/content", 302, Map.of("Location", cdn.url("/v.mp4?sig=1").toString()), "");
            cdn.on("/v.mp4", RangeFile.serving(VIDEO));

            byte[] bytes = readAll(downloads.openAuthenticated(api.url("/v1/videos/video_123/content?variant=video"), 0,
                    credentials));

            assertThat(bytes).isEqualTo(VIDEO);
            assertThat(api.received("/v1/videos/video_123/content").get(0).header("Authorization"))
                    .isEqualTo("Bearer " + KEY);
            assertThat(cdn.received("/v.mp4").get(0).hasHeader("Authorization")).isFalse();
        }

        @Test
        void a_same_origin_redirect_keeps_the_key_until_the_chain_leaves_the_origin() throws IOException {
            api.answer("/v1/videos/video_123/content", 307, Map.of("Location", "/files/v.mp4"), "");
            api.answer("/files/v.mp4", 302, Map.of("Location", cdn.url("/v.mp4").toString()), "");
            cdn.answer("/v.mp4", 302, Map.of("Location", api.url("/files/final.mp4").toString()), "");
            api.on("/files/final.mp4", RangeFile.serving(VIDEO));

            assertThat(readAll(downloads.openAuthenticated(api.url("/v1/videos/video_123/content"), 0, credentials)))
                    .isEqualTo(VIDEO);

            assertThat(api.received("/files/v.mp4").get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(cdn.received("/v.mp4").get(0).hasHeader("Authorization")).isFalse();
            assertThat(api.received("/files/final.mp4").get(0).hasHeader("Authorization")).isFalse();
        }

        @Test
        void on_the_api_origin_401_is_authentication_and_404_is_expiry() {
            api.json("/v1/videos/a/content", 401, "{\"error\":{\"message\":\"Invalid API key\",\"code\":\"invalid_api_key\"}}");
            api.json("/v1/videos/b/content", 404, "{\"error\":{\"message\":\"Video not found\"}}");

            assertThat(downloads.openAuthenticated(api.url("/v1/videos/a/content"), 0, credentials).getLeft().kind())
                    .isEqualTo(FailureKind.AUTHENTICATION);
            assertThat(downloads.openAuthenticated(api.url("/v1/videos/b/content"), 0, credentials).getLeft().kind())
                    .isEqualTo(FailureKind.EXPIRED);
        }

        @Test
        void extra_headers_go_with_the_key_and_stay_on_the_api_origin() throws IOException {
            api.answer("/v1/videos/video_123/content", 302, Map.of("Location", cdn.url("/v.mp4").toString()), "");
            cdn.on("/v.mp4", RangeFile.serving(VIDEO));

            readAll(downloads.openAuthenticated(api.url("/v1/videos/video_123/content"), 0, credentials,
                    Map.of("OpenAI-Project", "proj_1", "api-key", "smuggled")));

            assertThat(api.received("/v1/videos/video_123/content").get(0).header("OpenAI-Project")).isEqualTo("proj_1");
            assertThat(api.received("/v1/videos/video_123/content").get(0).hasHeader("api-key")).isFalse();
            assertThat(cdn.received("/v.mp4").get(0).hasHeader("OpenAI-Project")).isFalse();
        }

        @Test
        void expiry_on_the_api_origin_names_the_request_id() {
            api.answer("/v1/videos/c/content", 404, Map.of("x-request-id", "req_abc"), "{\"error\":{\"message\":\"gone\"}}");

            assertThat(downloads.openAuthenticated(api.url("/v1/videos/c/content"), 0, credentials).getLeft().message())
                    .contains("req_abc");
        }

        @Test
        void a_plain_result_url_never_gets_the_key_even_on_the_api_origin() {
            api.on("/files/v.mp4", RangeFile.serving(VIDEO));

            downloads.open(api.url("/files/v.mp4"), 0).get().body();

            assertThat(api.received("/files/v.mp4").get(0).hasHeader("Authorization")).isFalse();
        }
    }
}
