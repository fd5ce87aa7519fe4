package io.imagine4j.http.error;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.http.call.ApiCall;
import io.imagine4j.http.client.ApiClients;
import io.imagine4j.http.support.LoopbackServer;
import io.imagine4j.http.support.VideoApi;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Error answers over real HTTP, through an API client and {@link ApiCall#fetch}. */
class ErrorClassifierTest {

    private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

    private final LoopbackServer server = LoopbackServer.start();
    private final VideoApi api = ApiClients.builder(server.url("/v1")).build(VideoApi.class);

    @AfterEach
    void stop() {
        server.close();
    }

    private JobFailure failureOf(ErrorClassifier classifier, int status, Map<String, String> headers, String body) {
        server.answer("/v1/videos/job", status, headers, body);
        return ApiCall.with(classifier).fetch(() -> api.poll("job")).getLeft();
    }

    private JobFailure failureOf(int status, String body) {
        return failureOf(ErrorClassifier.forProvider("xAI").withClock(Clock.fixed(NOW, ZoneOffset.UTC)), status,
                Map.of("Content-Type", "application/json"), body);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "400 | {\"code\":\"invalid_argument\",\"error\":\"duration must be 1-15\"}             | INVALID_REQUEST | invalid_argument",
            "422 | {\"error\":{\"message\":\"bad size\",\"type\":\"invalid_request_error\"}}       | INVALID_REQUEST | invalid_request_error",
            "401 | {\"error\":{\"type\":\"auth\",\"title\":\"Unauthenticated\",\"detail\":\"no token\"},\"status\":\"error\",\"status_message\":\"unauthenticated\"} | AUTHENTICATION | unauthenticated",
            "402 | {\"error\":{\"message\":\"Payment required\"}}                                   | QUOTA           | http_402",
            "403 | {\"code\":\"permission_denied\",\"error\":\"Model not available for your team\"}  | PERMISSION      | permission_denied",
            "403 | {\"code\":\"permission_denied\",\"error\":\"Your team has no credits left\"}      | QUOTA           | permission_denied",
            "404 | {\"error\":{\"message\":\"Model not found: x\"}}                                   | NOT_FOUND       | http_404",
            "429 | {\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}} | QUOTA | insufficient_quota",
            "429 | {\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}              | RATE_LIMITED    | requests",
            "500 | {\"code\":\"internal_error\",\"error\":\"boom\"}                                   | PROVIDER_ERROR  | internal_error",
            "502 | <html>Bad Gateway</html>                                                           | PROVIDER_ERROR  | http_502",
            "503 | {\"error\":{\"message\":\"overloaded\"}}                                           | UNAVAILABLE     | http_503",
            "410 | ''                                                                                 | EXPIRED         | http_410",
            "418 | ''                                                                                 | INVALID_REQUEST | http_418",
            "400 | {\"error\":{\"message\":\"Your request was rejected by the safety system\",\"code\":\"moderation_blocked\"}} | MODERATION | moderation_blocked",
    })
    void status_and_body_give_the_kind_and_code(int status, String body, FailureKind kind, String code) {
        JobFailure failure = failureOf(status, body);

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.message()).startsWith("xAI answered HTTP " + status + " to GET " + server.url("/v1/videos/job"));
    }

    @Test
    void the_message_quotes_the_provider_names_the_request_id_and_says_what_to_do() {
        server.answer("/v1/videos/job", 400, Map.of("x-request-id", "req-42"),
                "{\"error\":{\"message\":\"Invalid value for seconds\",\"param\":\"seconds\",\"code\":\"invalid_value\"}}");

        JobFailure failure = ApiCall.with(ErrorClassifier.forProvider("OpenAI")).fetch(() -> api.poll("job")).getLeft();

        assertThat(failure.message()).contains("Invalid value for seconds").contains("(parameter 'seconds')")
                .contains("(request id req-42)").contains("Fix the request");
    }

    @Test
    void retry_after_in_seconds() {
        JobFailure failure = failureOf(ErrorClassifier.forProvider("xAI"), 429, Map.of("Retry-After", "30"), "");

        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Option.some(RetryAfter.of(Duration.ofSeconds(30))));
        assertThat(failure.message()).contains("after 30.0 s");
    }

    @Test
    void retry_after_as_an_http_date() {
        JobFailure failure = failureOf(ErrorClassifier.forProvider("xAI").withClock(Clock.fixed(NOW, ZoneOffset.UTC)),
                503, Map.of("Retry-After", "Wed, 21 Oct 2026 07:30:00 GMT"), "");

        assertThat(failure.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(failure.retryAfter()).isEqualTo(Option.some(RetryAfter.of(Duration.ofMinutes(2))));
    }

    @Test
    void no_or_unreadable_retry_after_leaves_it_empty() {
        assertThat(failureOf(ErrorClassifier.forProvider("xAI"), 429, Map.of(), "").retryAfter()).isEqualTo(Option.none());
        assertThat(failureOf(ErrorClassifier.forProvider("xAI"), 429, Map.of("Retry-After", "soon"), "").retryAfter())
                .isEqualTo(Option.none());
    }

    @Test
    void adapter_rules_override_the_standard_mapping() {
        ErrorClassifier xai = ErrorClassifier.forProvider("xAI")
                .withRule(ErrorRule.code("imagine:content-moderated", FailureKind.MODERATION))
                .withRule(ErrorRule.messageContains(400, "Incorrect API key", FailureKind.AUTHENTICATION));

        JobFailure moderated = failureOf(xai, 400, Map.of(),
                "{\"code\":\"imagine:content-moderated\",\"error\":\"Generated video rejected by content moderation.\"}");
        JobFailure wrongKey = failureOf(xai, 400, Map.of(), "{\"code\":\"Client specified an invalid argument\","
                + "\"error\":\"Incorrect API key provided: xai-ab***yz. You can obtain an API key from https://console.x.ai.\"}");
        JobFailure ordinary = failureOf(xai, 400, Map.of(), "{\"code\":\"invalid_argument\",\"error\":\"bad\"}");

        assertThat(moderated.kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(moderated.message()).contains("Generated video rejected by content moderation.");
        assertThat(wrongKey.kind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(wrongKey.message()).contains("Check the API key").doesNotContain("xai-ab");
        assertThat(ordinary.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
    }

    @Test
    void a_key_echoed_verbatim_is_removed_when_the_classifier_knows_it() {
        String key = "plainopaquekey0123";
        ErrorClassifier classifier = ErrorClassifier.forProvider("Gateway").withCredentials(
                io.imagine4j.http.auth.ApiCredentials.bearer(server.url("/v1"), io.imagine4j.http.auth.ApiKey.of(key)));

        JobFailure failure = failureOf(classifier, 401, Map.of(),
                "{\"error\":{\"message\":\"token plainopaquekey0123 unknown\",\"code\":\"plainopaquekey0123\"}}");

        assertThat(failure.message()).contains("token [redacted] unknown").doesNotContain(key);
        assertThat(failure.code()).doesNotContain(key);
    }

    @Test
    void rules_apply_in_the_order_added_and_any_lambda_is_a_rule() {
        ErrorClassifier classifier = ErrorClassifier.forProvider("Oxen")
                .withRule(ErrorRule.status(404, FailureKind.EXPIRED))
                .withRule(ErrorRule.status(404, FailureKind.NOT_FOUND))
                .withRule((status, error) -> error.type().contains("overloaded") ? Option.some(FailureKind.UNAVAILABLE)
                        : Option.none());

        assertThat(classifier.kindFor(404, ProviderError.none())).isEqualTo(FailureKind.EXPIRED);
        assertThat(classifier.kindFor(500, new ProviderError(Option.none(), Option.none(), Option.some("overloaded"),
                Option.none()))).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(classifier.kindFor(500, ProviderError.none())).isEqualTo(FailureKind.PROVIDER_ERROR);
    }

    @Test
    void a_redirect_or_success_passed_to_the_classifier_is_a_protocol_failure() {
        ErrorClassifier classifier = ErrorClassifier.forProvider("xAI");

        assertThat(classifier.kindFor(302, ProviderError.none())).isEqualTo(FailureKind.PROTOCOL);
        assertThat(classifier.kindFor(200, ProviderError.none())).isEqualTo(FailureKind.PROTOCOL);
    }
}
