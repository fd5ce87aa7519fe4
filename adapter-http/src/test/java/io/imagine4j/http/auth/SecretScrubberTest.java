package io.imagine4j.http.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretScrubberTest {

    @Test
    void key_echoes_are_removed() {
        assertThat(SecretScrubber.scrub("Incorrect API key provided: xai-12***89. You can obtain an API key from"
                + " https://console.x.ai.", 300))
                .isEqualTo("Incorrect API key provided: [redacted]. You can obtain an API key from https://console.x.ai.");
        assertThat(SecretScrubber.scrub("Incorrect API key provided: sk-proj-abcdef1234. See docs", 300))
                .doesNotContain("abcdef1234");
    }

    @Test
    void bearer_tokens_prefixed_keys_and_jwts_are_removed() {
        assertThat(SecretScrubber.scrub("header was Bearer abc.def-123", 300)).isEqualTo("header was Bearer [redacted]");
        assertThat(SecretScrubber.scrub("key sk-live_0123456789ABCdefGH is revoked", 300)).isEqualTo("key [redacted] is revoked");
        assertThat(SecretScrubber.scrub("xai-Zk81NnQ2bGx3c0x1dWRkT3Bh failed", 300)).isEqualTo("[redacted] failed");
        assertThat(SecretScrubber.scrub("token eyJhbGciOi.eyJzdWIiOiIx.sig-abc expired", 300))
                .isEqualTo("token [redacted] expired");
    }

    @Test
    void model_names_with_vendor_prefixes_stay() {
        String text = "Model not found: xai-grok-imagine-video-edit-video (try sk-style-names-are-fine)";

        assertThat(SecretScrubber.scrub(text, 300)).isEqualTo(text);
    }

    @Test
    void ordinary_text_ids_and_urls_stay() {
        String text = "Job 8b0b1f1e-4c2a-4d1e-9f00-123456789abc failed: invalid_argument (see https://docs.x.ai)";

        assertThat(SecretScrubber.scrub(text, 300)).isEqualTo(text);
    }

    @Test
    void control_characters_are_flattened_and_long_text_truncated() {
        assertThat(SecretScrubber.scrub("line one\nline two\r\n\tend", 300)).isEqualTo("line one line two end");
        assertThat(SecretScrubber.scrub("x".repeat(500), 10)).hasSize(10).endsWith("…");
        assertThat(SecretScrubber.scrub(null, 10)).isEmpty();
    }
}
