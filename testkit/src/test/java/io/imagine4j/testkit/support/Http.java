package io.imagine4j.testkit.support;

import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain JDK HTTP/1.1 client for tests, with a timeout on everything so a hang fails instead of stalling. */
public final class Http {

    // Generous: a first MP4 encoding on a loaded 2-core machine takes seconds; a real hang still fails.
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public HttpClient client() {
        return client;
    }

    public HttpResponse<byte[]> get(URI uri, String... headers) throws IOException {
        return send(request(uri, headers).GET().build());
    }

    public HttpResponse<byte[]> post(URI uri, String json, String... headers) throws IOException {
        return send(request(uri, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public static HttpRequest.Builder request(URI uri, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    public static JsonObject json(HttpResponse<byte[]> response) {
        return (JsonObject) JsonReader.parse(response.body());
    }

    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    public static URI uri(URI base, String path) {
        return URI.create(base + path);
    }

    /** Unchecked, for lambdas. */
    public static <T> T unchecked(IoCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    public interface IoCall<T> {
        T run() throws IOException;
    }
}
