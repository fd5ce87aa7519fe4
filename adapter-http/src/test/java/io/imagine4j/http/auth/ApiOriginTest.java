package io.imagine4j.http.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiOriginTest {

    @Test
    void default_ports_and_case_do_not_make_another_origin() {
        ApiOrigin api = ApiOrigin.of(URI.create("https://API.x.ai/v1"));

        assertThat(api).isEqualTo(new ApiOrigin("https", "api.x.ai", 443));
        assertThat(api.contains(URI.create("https://api.x.ai:443/v1/videos/abc?x=1"))).isTrue();
        assertThat(api.toString()).isEqualTo("https://api.x.ai");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.x.ai/v1", "https://api.x.ai:8443/v1", "https://vidgen.x.ai/v.mp4",
            "https://api.x.ai.evil.com/v1", "ftp://api.x.ai/v1"})
    void another_scheme_host_or_port_is_another_origin(String url) {
        assertThat(ApiOrigin.of(URI.create("https://api.x.ai/v1")).contains(URI.create(url))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/v1", "http://127.0.0.1:1234", "http://127.1.2.3/v1",
            "http://[::1]:9000/v1", "https://api.x.ai/v1"})
    void https_or_loopback_base_urls_are_accepted(String url) {
        assertThat(ApiOrigin.ofBaseUrl(URI.create(url))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.x.ai/v1", "http://localhost.evil.com/v1", "http://127.0.0.1.nip.io/v1",
            "http://10.0.0.1/v1", "http://[::2]/v1"})
    void plain_http_elsewhere_is_refused_with_a_clear_message(String url) {
        assertThatThrownBy(() -> ApiOrigin.ofBaseUrl(URI.create(url)))
                .isInstanceOf(InsecureBaseUrlException.class)
                .hasMessageContaining("must use https")
                .hasMessageContaining("loopback");
    }

    @Test
    void a_base_url_without_host_is_refused() {
        assertThatThrownBy(() -> ApiOrigin.ofBaseUrl(URI.create("api.x.ai/v1")))
                .isInstanceOf(InsecureBaseUrlException.class);
    }

    @Test
    void messages_leave_out_the_query_of_signed_urls() {
        assertThat(ApiOrigin.withoutQuery(URI.create("https://cdn.example.com/v.mp4?X-Amz-Signature=abc")))
                .isEqualTo("https://cdn.example.com/v.mp4?…");
    }
}
