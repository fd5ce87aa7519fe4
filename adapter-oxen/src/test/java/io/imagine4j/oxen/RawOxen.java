package io.imagine4j.oxen;

import io.imagine4j.testkit.oxen.OxenSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Someone else on the same account: plain HTTP calls to the simulator, beside the adapter. */
final class RawOxen {

    private static final Pattern GENERATION_ID = Pattern.compile("\"generation_id\"\\s*:\\s*\"([^\"]+)\"");

    private final OxenSimulator oxen;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    RawOxen(OxenSimulator oxen) {
        this.oxen = oxen;
    }

    /** Enqueues {@code json} with the hub's key, answering the first generation id. */
    String enqueue(String json) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(oxen.baseUrl() + "/ai/queue"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        Matcher id = GENERATION_ID.matcher(answer.body());
        if (answer.statusCode() != 200 || !id.find()) {
            throw new AssertionError("the enqueue was not accepted: " + answer.statusCode() + " " + answer.body());
        }
        return id.group(1);
    }

    int cancel(String generationId) {
        return send(HttpRequest.newBuilder(URI.create(oxen.baseUrl() + "/ai/queue/" + generationId)).DELETE()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + SimulatedHub.KEY).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
