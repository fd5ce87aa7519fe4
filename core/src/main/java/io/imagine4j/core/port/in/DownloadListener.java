package io.imagine4j.core.port.in;

import io.vavr.control.Option;

/** Follows a download as bytes arrive, for progress displays. */
@FunctionalInterface
public interface DownloadListener {

    DownloadListener NONE = (bytes, total) -> { };

    /** {@code bytes} written so far, of {@code total} when the server announced it. */
    void onProgress(long bytes, Option<Long> total);
}
