package io.imagine4j.http.auth;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiCredentialsTest {

    private static final URI BASE = URI.create("https://my.openai.azure.com/openai/v1");

    @Test
    void the_header_goes_only_to_the_origin() {
        ApiCredentials bearer = ApiCredentials.bearer(BASE, ApiKey.of("k-123456"));

        assertThat(bearer.headersFor(URI.create("https://my.openai.azure.com/openai/v1/videos")))
                .isEqualTo(Map.of("Authorization", "Bearer k-123456"));
        assertThat(bearer.headersFor(URI.create("https://blob.core.windows.net/v.mp4"))).isEmpty();
        assertThat(bearer.headersFor(URI.create("http://my.openai.azure.com/openai/v1/videos"))).isEmpty();
    }

    @Test
    void azure_takes_the_key_in_an_api_key_header() {
        ApiCredentials azure = ApiCredentials.apiKeyHeader(BASE, ApiKey.of("k-123456"));

        assertThat(azure.headersFor(BASE.resolve("videos"))).isEqualTo(Map.of("api-key", "k-123456"));
        assertThat(azure.scheme().headerName()).isEqualTo("api-key");
    }

    @Test
    void credentials_for_a_plain_http_remote_host_are_refused() {
        assertThatThrownBy(() -> ApiCredentials.bearer(URI.create("http://gateway.example.com/v1"), ApiKey.of("k")))
                .isInstanceOf(InsecureBaseUrlException.class);
    }

    @Test
    void credential_headers_are_recognised_in_any_case() {
        assertThat(ApiCredentials.isCredentialHeader("AUTHORIZATION")).isTrue();
        assertThat(ApiCredentials.isCredentialHeader("Api-Key")).isTrue();
        assertThat(ApiCredentials.isCredentialHeader("x-api-key")).isTrue();
        assertThat(ApiCredentials.isCredentialHeader("Content-Type")).isFalse();
    }
}
