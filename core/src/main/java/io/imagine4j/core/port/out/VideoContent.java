package io.imagine4j.core.port.out;

import io.vavr.control.Option;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An open stream of a result's bytes. When a download resumes, the provider may honour the
 * requested offset or start again from byte 0; {@link #offset()} says which.
 *
 * @param body      the bytes, from {@code offset}
 * @param offset    the position in the whole file of the first byte of {@code body}
 * @param totalSize the whole file's length, when the server announced it
 */
public record VideoContent(InputStream body, long offset, Option<Long> totalSize) implements Closeable {

    public VideoContent {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(totalSize, "totalSize");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
