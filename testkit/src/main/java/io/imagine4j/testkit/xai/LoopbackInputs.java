package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.internal.sim.RejectedCall;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches an input a request names by URL, as xAI fetches a public URL, when it is on this machine
 * (loopback: another simulator's file, a test's own server). The simulator never leaves loopback,
 * so anything else is not fetched. No credential is ever sent.
 */
final class LoopbackInputs {

    /** More than any input a test sends; a larger body is refused rather than held in memory. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private LoopbackInputs() {
    }

    /** Whether {@code uri} names this machine by a loopback name or address (no lookup is made). */
    static boolean isLoopback(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /**
     * The body at {@code uri}.
     *
     * @param field the request field, for messages ({@code video.url})
     * @throws RejectedCall 400 naming the HTTP status or the broken connection, as xAI reports an input it could not download
     */
    static byte[] fetch(URI uri, String field) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw RejectedCall.badRequest(field, "The input video could not be downloaded from " + field + " (HTTP "
                            + response.statusCode() + ").");
                }
                byte[] content = body.readNBytes(MAX_BYTES + 1);
                if (content.length > MAX_BYTES) {
                    throw RejectedCall.badRequest(field, "The input video at " + field + " is larger than the simulator reads ("
                            + MAX_BYTES + " bytes).");
                }
                return content;
            }
        } catch (IOException e) {
            throw RejectedCall.badRequest(field, "The input video could not be downloaded from " + field + " (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RejectedCall.badRequest(field, "The input video could not be downloaded from " + field + " (interrupted).");
        }
    }
}
