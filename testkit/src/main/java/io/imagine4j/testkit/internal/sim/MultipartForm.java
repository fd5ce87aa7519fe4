package io.imagine4j.testkit.internal.sim;

import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) as the simulators receive it: OpenAI's
 * {@code POST /videos} with its {@code input_reference} file part, Oxen's file uploads. Strict:
 * a body that does not follow the format is refused with a reason, as a server would.
 *
 * <pre>{@code
 * MultipartForm form = MultipartForm.parse(request.header("Content-Type").get(), request.body());
 * String seconds = form.field("seconds").getOrElse("4");
 * Option<MultipartForm.Part> image = form.part("input_reference");
 * }</pre>
 */
public final class MultipartForm {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

    private final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** One part: its field name, the file name and type when it carries a file, and its bytes. */
    public record Part(String name, Option<String> filename, Option<String> contentType, byte[] content) {
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }

        public boolean isFile() {
            return filename.isDefined();
        }
    }

    /** Whether {@code contentType} announces a multipart form. */
    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * Parses {@code body} with the boundary of {@code contentType}.
     *
     * @throws IllegalArgumentException saying what is wrong with the body
     */
    public static MultipartForm parse(String contentType, byte[] body) {
        if (!isMultipart(contentType)) {
            throw new IllegalArgumentException("the body is not multipart/form-data");
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new IllegalArgumentException("the multipart Content-Type has no boundary");
        }
        byte[] delimiter = ("--" + (boundary.group(1) != null ? boundary.group(1) : boundary.group(2)))
                .getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("the multipart body never opens its boundary");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) {
                return new MultipartForm(parts); // the closing delimiter
            }
            int headersStart = skipLineBreak(body, afterDelimiter);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("a multipart part has no end to its headers");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            byte[] next = concat("\r\n".getBytes(StandardCharsets.ISO_8859_1), delimiter);
            int contentEnd = indexOf(body, next, contentStart);
            if (contentEnd < 0) {
                throw new IllegalArgumentException("a multipart part is not closed by the boundary");
            }
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
            parts.add(part(headers, content));
            at = contentEnd + 2;
        }
    }

    public List<Part> parts() {
        return parts;
    }

    /** The first part named {@code name}. */
    public Option<Part> part(String name) {
        return Option.ofOptional(parts.stream().filter(p -> p.name().equals(name)).findFirst());
    }

    /** The text of the first non-file part named {@code name}. */
    public Option<String> field(String name) {
        return Option.ofOptional(parts.stream().filter(p -> p.name().equals(name) && !p.isFile()).findFirst()).map(Part::text);
    }

    private static Part part(String headers, byte[] content) {
        String disposition = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                disposition = value;
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw new IllegalArgumentException("a multipart part has no Content-Disposition: form-data");
        }
        Matcher name = NAME.matcher(disposition);
        if (!name.find()) {
            throw new IllegalArgumentException("a multipart part has no name");
        }
        Matcher filename = FILENAME.matcher(disposition);
        return new Part(name.group(1), filename.find() ? Option.some(filename.group(1)) : Option.none(),
                Option.of(type), content);
    }

    private static int skipLineBreak(byte[] body, int at) {
        if (startsWith(body, at, "\r\n")) {
            return at + 2;
        }
        throw new IllegalArgumentException("a multipart boundary is not followed by a line break");
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        byte[] expected = text.getBytes(StandardCharsets.ISO_8859_1);
        if (at + expected.length > body.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (body[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
