package io.imagine4j.testkit.oxen;

import io.vavr.control.Either;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches an {@code input_video} from another server on this machine (another simulator, a test's
 * file server), as Oxen fetches an input URL before it edits it, so its real length is measured.
 * The simulator never leaves loopback: a URL on any other host is not fetched at all.
 *
 * <pre>{@code
 * Either<String, byte[]> video = downloads.fetch(URI.create("http://127.0.0.1:8089/xai/results/clip.mp4"));
 * }</pre>
 */
final class LoopbackDownloads {

    /** The largest input read; an edit input is seconds of video, so this is generous. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** Whether {@code url} names this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}), decided without DNS. */
    static boolean isLoopback(URI url) {
        String host = url.getHost();
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        if (host == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !bare.contains(":")) {
            return false; // a name: only localhost is known to be loopback without a lookup
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress(); // a literal address: no lookup
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    /** The content at {@code url}, or the error message a generation fails with when it cannot be had. */
    Either<String, byte[]> fetch(URI url) {
        String where = "Could not download input_video from " + url;
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return Either.left(where + ": HTTP " + response.statusCode() + ".");
                }
                byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
                return content.length > MAX_BYTES ? Either.left(where + ": larger than " + MAX_BYTES + " bytes.")
                        : Either.right(content);
            }
        } catch (IOException e) {
            return Either.left(where + ": " + e.getClass().getSimpleName() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(where + ": interrupted.");
        }
    }
}
