package io.imagine4j.openai;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body (RFC 7578) that streams its file parts from disk.
 *
 * <p>Written by hand because neither tool at hand streams: Feign's request body is a byte array,
 * so {@code feign-form} (which resolves from Maven Central) reads a whole video into memory before
 * sending it. This body is a JDK {@link HttpRequest.BodyPublisher} concatenating small in-memory
 * headers with {@link HttpRequest.BodyPublishers#ofFile} parts, so memory stays flat whatever the
 * size of the input, and the length is known up front ({@code Content-Length}, no chunking).
 *
 * <pre>{@code
 * MultipartBody body = MultipartBody.builder().text("prompt", "A fox").text("seconds", "8")
 *         .file("input_reference", "fox.png", "image/png", Path.of("fox.png")).build();
 * HttpRequest.newBuilder(url).header("Content-Type", body.contentType()).POST(body.publisher());
 * }</pre>
 */
final class MultipartBody {

    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary;
    private final List<Part> parts;

    private MultipartBody(String boundary, List<Part> parts) {
        this.boundary = boundary;
        this.parts = List.copyOf(parts);
    }

    static Builder builder() {
        return new Builder("imagine4j-" + HexFormat.of().formatHex(randomBytes()));
    }

    /** {@code multipart/form-data; boundary=…}. */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /**
     * A publisher of the whole body; every file is opened when the body is sent (again on each send).
     *
     * @throws FileNotFoundException when a file part's file is missing now
     */
    HttpRequest.BodyPublisher publisher() throws FileNotFoundException {
        List<HttpRequest.BodyPublisher> pieces = new ArrayList<>();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (Part part : parts) {
            pending.writeBytes(part.head(boundary));
            if (part.file() != null) {
                pieces.add(HttpRequest.BodyPublishers.ofByteArray(pending.toByteArray()));
                pending.reset();
                pieces.add(HttpRequest.BodyPublishers.ofFile(part.file()));
            } else {
                pending.writeBytes(part.content());
            }
            pending.writeBytes(CRLF);
        }
        pending.writeBytes(("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        pending.writeBytes(CRLF);
        pieces.add(HttpRequest.BodyPublishers.ofByteArray(pending.toByteArray()));
        return HttpRequest.BodyPublishers.concat(pieces.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** The whole body written to {@code out}, as {@link #publisher()} sends it. */
    void writeTo(OutputStream out) throws IOException {
        for (Part part : parts) {
            out.write(part.head(boundary));
            if (part.file() != null) {
                Files.copy(part.file(), out);
            } else {
                out.write(part.content());
            }
            out.write(CRLF);
        }
        out.write(("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
    }

    /** The names of the parts, in order. */
    List<String> names() {
        return parts.stream().map(Part::name).toList();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** One part: a text field, or a file from memory ({@code content}) or from disk ({@code file}). */
    private record Part(String name, String filename, String contentType, byte[] content, Path file) {

        byte[] head(String boundary) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(name)).append('"');
            if (filename != null) {
                head.append("; filename=\"").append(quoted(filename)).append('"');
            }
            head.append("\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        }

        /** A header value cannot hold a quote or a line break; a file name is not worth escaping rules servers read differently. */
        private static String quoted(String text) {
            StringBuilder safe = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                safe.append(c == '"' || c == '\\' || c < 0x20 || c == 0x7f ? '_' : c);
            }
            return safe.toString();
        }
    }

    /** Builds a {@link MultipartBody}: parts go out in the order added. */
    static final class Builder {
        private final String boundary;
        private final List<Part> parts = new ArrayList<>();

        private Builder(String boundary) {
            this.boundary = boundary;
        }

        Builder text(String name, String value) {
            parts.add(new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8), null));
            return this;
        }

        /** A file part from memory. */
        Builder file(String name, String filename, String contentType, byte[] content) {
            parts.add(new Part(name, Objects.requireNonNull(filename), Objects.requireNonNull(contentType), content.clone(), null));
            return this;
        }

        /** A file part streamed from disk when the body is sent. */
        Builder file(String name, String filename, String contentType, Path file) {
            parts.add(new Part(name, Objects.requireNonNull(filename), Objects.requireNonNull(contentType), null, file));
            return this;
        }

        MultipartBody build() {
            return new MultipartBody(boundary, parts);
        }
    }
}
