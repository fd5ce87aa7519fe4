package io.imagine4j.xai;

import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaSource;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * Turns local content into what xAI's {@code url} fields take: a {@code data:} URI typed by its
 * magic bytes (an image, a video, or an audio clip). The capability check has already bounded the size.
 */
final class InlineMedia {

    private InlineMedia() {
    }

    /** A URL as given; a file or bytes as a {@code data:} URI. Previous results are not local: see {@link ChainedInputs}. */
    static Try<String> urlFor(MediaSource source) {
        if (source instanceof MediaSource.Url url) {
            return Try.success(url.uri().toString());
        }
        return Try.of(() -> {
            if (source instanceof MediaSource.LocalFile file) {
                try (InputStream in = file.open()) {
                    return dataUri(in.readAllBytes(), source.describe());
                }
            }
            if (source instanceof MediaSource.Bytes bytes) {
                return dataUri(bytes.data(), source.describe());
            }
            throw new IOException(source.describe() + " is not local content");
        });
    }

    /** {@code content} as a {@code data:} URI of the type its magic bytes say. */
    static String dataUri(byte[] content, String described) throws IOException {
        String mime = MagicBytes.sniff(content).map(type -> type.mime())
                .orElse(() -> AudioType.sniff(content).map(AudioType::mime))
                .getOrElseThrow(() -> new IOException(described + " is not in a recognised format"));
        return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(content);
    }

    /** The bytes of local content or of a base64 {@code data:} URI; nothing for a remote URL or a previous result. */
    static Try<Option<byte[]>> bytesOf(MediaSource source) {
        if (source instanceof MediaSource.LocalFile file) {
            return Try.of(() -> {
                try (InputStream in = file.open()) {
                    return Option.some(in.readAllBytes());
                }
            });
        }
        if (source instanceof MediaSource.Bytes bytes) {
            return Try.success(Option.some(bytes.data()));
        }
        if (source instanceof MediaSource.Url url && url.isDataUri()) {
            return url.dataBytes().map(Option::some);
        }
        return Try.success(Option.none());
    }
}
