package io.imagine4j.http.client;

import feign.Logger;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.ApiKey;
import io.imagine4j.http.support.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads what SLF4J (slf4j-simple, writing to System.err) prints for Feign at FULL level. */
class RedactedLoggingTest {

    private static final String KEY = "xai-logged-secret-0123456789";

    private final LoopbackServer server = LoopbackServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private LoggedApi client() {
        URI base = server.url("/v1");
        return ApiClients.builder(base)
                .credentials(ApiCredentials.bearer(base, ApiKey.of(KEY)))
                .logLevel(Logger.Level.FULL)
                .build(LoggedApi.class);
    }

    @Test
    void full_logging_never_shows_the_key_and_redacts_credential_headers() {
        server.answer("/v1/videos/abc", 200, Map.of("Content-Type", "application/json",
                "Set-Cookie", "session=" + KEY), "{\"status\":\"pending\"}");

        String log = captured(() -> client().pollWithOwnHeaders("abc", KEY));

        assertThat(log).contains("---> GET " + server.url("/v1/videos/abc")).contains("<--- HTTP/1.1 200");
        assertThat(log).contains("api-key: [redacted]").contains("Cookie: [redacted]");
        assertThat(log).doesNotContain(KEY).doesNotContainIgnoringCase("set-cookie");
        assertThat(server.received("/v1/videos/abc").get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void long_bodies_are_cut_in_the_log() {
        server.json("/v1/videos/generations", 200, "{\"request_id\":\"r1\"}");
        String prompt = "p".repeat(10_000);

        String log = captured(() -> client().generate(Map.of("prompt", prompt)));

        assertThat(log).contains("more characters)").doesNotContain(prompt).doesNotContain(KEY);
        assertThat(Arrays.stream(log.split("\n")).mapToInt(String::length).max().orElse(0))
                .isLessThan(RedactingLogger.MAX_LINE + 200);
    }

    private static String captured(Runnable call) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
