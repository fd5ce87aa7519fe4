package io.imagine4j.http.error;

import io.imagine4j.http.json.ApiJson;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderErrorTest {

    private static ProviderError parse(String body) {
        return ProviderError.parse(body.getBytes(StandardCharsets.UTF_8), ApiJson.mapper());
    }

    @Test
    void xai_flat_body() {
        ProviderError error = parse("{\"code\":\"imagine:content-moderated\",\"error\":\"Generated video rejected by"
                + " content moderation.\",\"usage\":{\"cost_in_usd_ticks\":5}}");

        assertThat(error.code()).isEqualTo(Option.some("imagine:content-moderated"));
        assertThat(error.message()).isEqualTo(Option.some("Generated video rejected by content moderation."));
    }

    @Test
    void openai_nested_body() {
        ProviderError error = parse("{\"error\":{\"message\":\"Invalid value for seconds\",\"type\":\"invalid_request_error\","
                + "\"param\":\"seconds\",\"code\":\"invalid_value\"}}");

        assertThat(error).isEqualTo(new ProviderError(Option.some("invalid_value"), Option.some("Invalid value for seconds"),
                Option.some("invalid_request_error"), Option.some("seconds")));
    }

    @Test
    void openai_nested_body_without_code_falls_back_to_its_type() {
        ProviderError error = parse("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":null}}");

        assertThat(error.code()).isEqualTo(Option.some("requests"));
        assertThat(error.param()).isEqualTo(Option.none());
    }

    @Test
    void oxen_body_with_title_and_detail() {
        ProviderError error = parse("{\"error\":{\"type\":\"validation\",\"title\":\"Invalid parameters\",\"detail\":"
                + "\"duration must be at most 15\"},\"status\":\"error\",\"status_message\":\"invalid_params\"}");

        assertThat(error.code()).isEqualTo(Option.some("invalid_params"));
        assertThat(error.message()).isEqualTo(Option.some("Invalid parameters: duration must be at most 15"));
        assertThat(error.type()).isEqualTo(Option.some("validation"));
    }

    @Test
    void oxen_body_with_only_a_message() {
        ProviderError error = parse("{\"error\":{\"message\":\"Model not found: x\"}}");

        assertThat(error.code()).isEqualTo(Option.none());
        assertThat(error.message()).isEqualTo(Option.some("Model not found: x"));
    }

    @Test
    void gateway_shapes_numbers_as_codes_and_detail_lists() {
        assertThat(parse("{\"error\":{\"message\":\"busy\",\"code\":429}}").code()).isEqualTo(Option.some("429"));
        assertThat(parse("{\"detail\":\"Not Found\"}").message()).isEqualTo(Option.some("Not Found"));
        assertThat(parse("{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"field required\"}]}").message())
                .isEqualTo(Option.some("field required"));
        assertThat(parse("{\"message\":\"Internal\",\"code\":\"E1\"}").code()).isEqualTo(Option.some("E1"));
    }

    @Test
    void text_html_and_nothing() {
        assertThat(parse("upstream connect error").message()).isEqualTo(Option.some("upstream connect error"));
        assertThat(parse("<html><body>502 Bad Gateway</body></html>")).isEqualTo(ProviderError.none());
        assertThat(parse("")).isEqualTo(ProviderError.none());
        assertThat(parse("[1,2]")).isEqualTo(ProviderError.none());
        assertThat(ProviderError.parse(null, ApiJson.mapper())).isEqualTo(ProviderError.none());
    }

    @Test
    void credentials_are_never_echoed_and_long_messages_are_cut() {
        ProviderError echo = parse("{\"code\":\"Client specified an invalid argument\",\"error\":\"Incorrect API key"
                + " provided: xai-ab***yz. You can obtain an API key from https://console.x.ai.\"}");
        ProviderError longOne = parse("{\"error\":{\"message\":\"" + "m".repeat(1_000) + "\"}}");

        assertThat(echo.message().get()).contains("[redacted]").doesNotContain("xai-ab");
        assertThat(longOne.message().get()).hasSize(ProviderError.MAX_MESSAGE);
    }
}
