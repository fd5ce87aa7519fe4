package io.imagine4j.cli;

import io.imagine4j.core.model.MediaSource;

import java.nio.file.Path;
import java.util.Locale;

/** {@code PATH|URL} on the command line: http(s) and data: URLs are URLs, anything else a local path. */
final class MediaArgument {

    private MediaArgument() {
    }

    static MediaSource parse(String text, String option) {
        String value = text.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("data:")) {
            try {
                return MediaSource.url(value);
            } catch (IllegalArgumentException e) {
                throw new UsageException(option + ": '" + value + "' is not a valid URL (" + e.getMessage() + ")");
            }
        }
        return MediaSource.file(Path.of(value));
    }
}
