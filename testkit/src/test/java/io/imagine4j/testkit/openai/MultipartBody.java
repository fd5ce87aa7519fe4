package io.imagine4j.testkit.openai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body built byte for byte the way a given client library builds
 * it: the boundary it draws and the headers it gives each part.
 *
 * <pre>{@code
 * MultipartBody body = MultipartBody.of(MultipartBody.Style.NODE).field("prompt", "A fox").file("input_reference", "f.png", "image/png", png);
 * }</pre>
 */
final class MultipartBody {

    /** The client libraries whose bodies the tests reproduce. */
    enum Style {
        /** The official Node SDK on undici's FormData: {@code ----formdata-undici-0NNNNNNNNNNN}, bare text parts. */
        NODE,
        /** The official Python SDK on httpx: 32 hex digits, bare text parts. */
        PYTHON,
        /** The official Java SDK on OkHttp: a UUID, text parts with their own Content-Type and Content-Length. */
        JAVA,
        /** {@code curl -F}: 24 dashes and 16 hex digits, bare text parts. */
        CURL
    }

    private final Style style;
    private final String boundary;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private MultipartBody(Style style, String boundary) {
        this.style = style;
        this.boundary = boundary;
    }

    static MultipartBody of(Style style) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String boundary = switch (style) {
            case NODE -> "----formdata-undici-0" + String.format("%011d", random.nextLong(100_000_000_000L));
            case PYTHON -> hex(16);
            case JAVA -> UUID.randomUUID().toString();
            case CURL -> "------------------------" + hex(8);
        };
        return new MultipartBody(style, boundary);
    }

    MultipartBody field(String name, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n");
        if (style == Style.JAVA) {
            head.append("Content-Type: text/plain; charset=utf-8\r\nContent-Length: ").append(text.length).append("\r\n");
        }
        head.append("\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(text);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A file part; a null {@code contentType} leaves the part's Content-Type out. */
    MultipartBody file(String name, String filename, String contentType, byte[] content) {
        StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"; filename=\"" + filename + "\"\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (style == Style.JAVA) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        ByteArrayOutputStream closed = new ByteArrayOutputStream();
        closed.writeBytes(body.toByteArray());
        closed.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return closed.toByteArray();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
