package io.imagine4j.xai;

import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.vavr.control.Try;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * Turns an input into what xAI's {@code url} field takes: a URL as given, local content as a
 * {@code data:} URI typed by its magic bytes. The capability check has already bounded the size.
 */
final class InlineMedia {

    private InlineMedia() {
    }

    static Try<String> urlFor(MediaSource source) {
        if (source instanceof MediaSource.Url url) {
            return Try.success(url.uri().toString());
        }
        return Try.of(() -> {
            byte[] content;
            if (source instanceof MediaSource.LocalFile file) {
                try (InputStream in = file.open()) {
                    content = in.readAllBytes();
                }
            } else {
                content = ((MediaSource.Bytes) source).data();
            }
            MediaType type = MagicBytes.sniff(content)
                    .getOrElseThrow(() -> new IOException(source.describe() + " is not in a recognised format"));
            return "data:" + type.mime() + ";base64," + Base64.getEncoder().encodeToString(content);
        });
    }
}
