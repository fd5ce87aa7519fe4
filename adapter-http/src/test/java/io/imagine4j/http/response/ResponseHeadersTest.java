package io.imagine4j.http.response;

import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.http.json.ApiJson;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseHeadersTest {

    private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

    @Test
    void names_are_looked_up_without_regard_to_case() {
        ResponseHeaders headers = ResponseHeaders.of(Map.of("X-Request-Id", List.of("req-1"), "content-length", List.of("42")));

        assertThat(headers.first("x-request-id")).isEqualTo(Option.some("req-1"));
        assertThat(headers.requestId()).isEqualTo(Option.some("req-1"));
        assertThat(headers.contentLength()).isEqualTo(Option.some(42L));
        assertThat(headers.all("X-REQUEST-ID")).containsExactly("req-1");
        assertThat(headers.first("missing")).isEqualTo(Option.none());
    }

    @Test
    void poll_hints_and_retry_after() {
        ResponseHeaders headers = ResponseHeaders.of(Map.of("openai-poll-after-ms", List.of("1500"),
                "Retry-After", List.of("Wed, 21 Oct 2026 07:28:10 GMT"), "request-id", List.of("r2")));

        assertThat(headers.pollAfter()).isEqualTo(Option.some(Duration.ofMillis(1500)));
        assertThat(headers.retryAfter(NOW)).isEqualTo(Option.some(RetryAfter.of(Duration.ofSeconds(10))));
        assertThat(headers.requestId()).isEqualTo(Option.some("r2"));
        assertThat(ResponseHeaders.of(Map.of("openai-poll-after-ms", List.of("soon"))).pollAfter()).isEqualTo(Option.none());
        assertThat(ResponseHeaders.empty().retryAfter(NOW)).isEqualTo(Option.none());
    }

    @Test
    void a_null_header_name_from_a_client_is_skipped_and_secrets_do_not_print() {
        Map<String, List<String>> raw = new HashMap<>();
        raw.put(null, List.of("HTTP/1.1 200 OK"));
        raw.put("Set-Cookie", List.of("session=abc"));
        raw.put("Content-Type", List.of("application/json"));

        ResponseHeaders headers = ResponseHeaders.of(raw);

        assertThat(headers.names()).containsExactlyInAnyOrder("Set-Cookie", "Content-Type");
        assertThat(headers.toString()).contains("Content-Type=application/json").contains("Set-Cookie=[redacted]")
                .doesNotContain("abc");
    }

    @Test
    void whitespace_is_no_body_and_bodies_decode_as_other_types() {
        ApiResponse<Map<String, Object>> blank = ApiResponse.of(202, ResponseHeaders.empty(), " \r\n".getBytes(StandardCharsets.UTF_8),
                Map.class, ApiJson.mapper(), "GET x");
        ApiResponse<Object> error = ApiResponse.of(400, ResponseHeaders.empty(),
                "{\"code\":\"c\",\"error\":\"m\"}".getBytes(StandardCharsets.UTF_8), Object.class, ApiJson.mapper(), "GET x");
        byte[] original = "{}".getBytes(StandardCharsets.UTF_8);
        ApiResponse<Object> copied = ApiResponse.of(200, ResponseHeaders.empty(), original, Object.class, ApiJson.mapper(), "GET x");
        Arrays.fill(original, (byte) 'x');

        assertThat(blank.hasBody()).isFalse();
        assertThat(error.bodyAs(Flat.class).get()).isEqualTo(new Flat("c", "m"));
        assertThat(copied.bodyText()).isEqualTo("{}");
        assertThat(error.toString()).isEqualTo("ApiResponse[400 to GET x, 24 bytes]");
    }

    record Flat(String code, String error) {
    }
}
