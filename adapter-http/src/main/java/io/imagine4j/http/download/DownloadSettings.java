package io.imagine4j.http.download;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of a {@link ResultDownloader}.
 *
 * <pre>{@code
 * DownloadSettings settings = DownloadSettings.defaults().withMaxBytes(2L * 1024 * 1024 * 1024);
 * }</pre>
 *
 * @param connectTimeout  how long to wait for a connection
 * @param responseTimeout how long to wait for the answer's headers
 * @param idleTimeout     how long the body may stay silent before the download counts as broken
 * @param maxBytes        the largest file accepted; a larger announced length is refused before
 *                        any byte is read, and a stream that grows past it is cut
 * @param maxRedirects    how many redirects to follow
 */
public record DownloadSettings(Duration connectTimeout, Duration responseTimeout, Duration idleTimeout, long maxBytes,
                               int maxRedirects) {

    public DownloadSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (connectTimeout.isZero() || connectTimeout.isNegative() || responseTimeout.isZero()
                || responseTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("download timeouts must be positive");
        }
        if (maxBytes < 1 || maxRedirects < 0) {
            throw new IllegalArgumentException("maxBytes must be positive and maxRedirects not negative");
        }
    }

    /** 10 s to connect, 60 s to the headers, 60 s of body silence, 4 GiB, 5 redirects. */
    public static DownloadSettings defaults() {
        return new DownloadSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60),
                4L * 1024 * 1024 * 1024, 5);
    }

    public DownloadSettings withMaxBytes(long value) {
        return new DownloadSettings(connectTimeout, responseTimeout, idleTimeout, value, maxRedirects);
    }

    public DownloadSettings withIdleTimeout(Duration value) {
        return new DownloadSettings(connectTimeout, responseTimeout, value, maxBytes, maxRedirects);
    }

    public DownloadSettings withResponseTimeout(Duration value) {
        return new DownloadSettings(connectTimeout, value, idleTimeout, maxBytes, maxRedirects);
    }
}
