package io.imagine4j.testkit.internal.sim;

import io.vavr.control.Option;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single byte range of a {@code Range: bytes=…} header, resolved against a length, as a storage
 * host reads it (RFC 9110 §14): {@code bytes=100-199}, {@code bytes=100-}, {@code bytes=-500}.
 * Anything else (several ranges, another unit, garbage) is ignored, which the RFC allows: the
 * whole file is sent.
 *
 * @param first index of the first byte
 * @param last  index of the last byte, inclusive
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** What a {@code Range} header asks of a file of {@code length} bytes. */
    public sealed interface Wanted {
    }

    /** No range, or one the host ignores: the whole file, 200. */
    public record Whole() implements Wanted {
    }

    /** One satisfiable range: 206 with {@code Content-Range}. */
    public record Part(ByteRange range) implements Wanted {
    }

    /** A range wholly past the end: 416 with {@code Content-Range: bytes *}{@code /length}. */
    public record Unsatisfiable() implements Wanted {
    }

    public long length() {
        return last - first + 1;
    }

    public static Wanted parse(Option<String> header, long length) {
        if (header.isEmpty()) {
            return new Whole();
        }
        Matcher matcher = SINGLE.matcher(header.get().trim());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return new Whole();
        }
        try {
            if (matcher.group(1).isEmpty()) {
                long suffix = Long.parseLong(matcher.group(2));
                if (suffix == 0 || length == 0) {
                    return new Unsatisfiable();
                }
                return new Part(new ByteRange(Math.max(0, length - suffix), length - 1));
            }
            long first = Long.parseLong(matcher.group(1));
            long last = matcher.group(2).isEmpty() ? length - 1 : Long.parseLong(matcher.group(2));
            if (!matcher.group(2).isEmpty() && last < first) {
                return new Whole(); // syntactically invalid: ignored
            }
            if (first >= length) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(first, Math.min(last, length - 1)));
        } catch (NumberFormatException tooLong) {
            return new Whole();
        }
    }
}
