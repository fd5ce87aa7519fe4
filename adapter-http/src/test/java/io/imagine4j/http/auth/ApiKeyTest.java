package io.imagine4j.http.auth;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyTest {

    private static final String SECRET = "xai-0123456789abcdefSECRET";

    @Test
    void never_prints_the_secret() {
        ApiKey key = ApiKey.of(SECRET);

        assertThat(key.toString()).isEqualTo("ApiKey[redacted]").doesNotContain("SECRET");
        assertThat(String.valueOf(key)).doesNotContain("SECRET");
        assertThat(ApiCredentials.bearer(java.net.URI.create("https://api.x.ai/v1"), key).toString())
                .doesNotContain("SECRET").contains("redacted");
    }

    @Test
    void equal_keys_are_equal_and_hash_alike_without_the_hash_depending_on_the_secret() {
        assertThat(ApiKey.of(SECRET)).isEqualTo(ApiKey.of(" " + SECRET + "\n"));
        assertThat(ApiKey.of(SECRET)).isNotEqualTo(ApiKey.of(SECRET + "x"));
        assertThat(ApiKey.of("a-key").hashCode()).isEqualTo(ApiKey.of("another-key").hashCode());
    }

    @Test
    void reads_the_environment_variable_it_is_told() {
        ApiKey key = ApiKey.fromEnvironment("XAI_API_KEY", Map.of("XAI_API_KEY", SECRET)::get);

        assertThat(key).isEqualTo(ApiKey.of(SECRET));
        assertThat(key.reveal()).isEqualTo(SECRET);
    }

    @Test
    void a_missing_variable_is_named_in_the_error() {
        assertThatThrownBy(() -> ApiKey.fromEnvironment("XAI_API_KEY", Map.<String, String>of()::get))
                .isInstanceOf(MissingApiKeyException.class)
                .hasMessageContaining("XAI_API_KEY is not set")
                .extracting(e -> ((MissingApiKeyException) e).variable()).isEqualTo("XAI_API_KEY");
        assertThatThrownBy(() -> ApiKey.fromEnvironment("OXEN_API_KEY", Map.of("OXEN_API_KEY", "  ")::get))
                .isInstanceOf(MissingApiKeyException.class)
                .hasMessageContaining("OXEN_API_KEY is set but empty");
    }

    @Test
    void a_key_that_could_inject_a_header_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> ApiKey.of("abc\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Evil");
        assertThatThrownBy(() -> ApiKey.fromEnvironment("K", Map.of("K", "two words")::get))
                .isInstanceOf(MissingApiKeyException.class)
                .hasMessageContaining("K does not hold a usable API key")
                .hasMessageNotContaining("words");
    }

    @Test
    void finding_an_optional_key() {
        assertThat(ApiKey.findInEnvironment("K", Map.<String, String>of()::get).isEmpty()).isTrue();
        assertThat(ApiKey.findInEnvironment("K", Map.of("K", "")::get).isEmpty()).isTrue();
        assertThat(ApiKey.findInEnvironment("K", Map.of("K", SECRET)::get).get()).isEqualTo(ApiKey.of(SECRET));
    }
}
