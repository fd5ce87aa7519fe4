package io.imagine4j.http.download;

import io.vavr.control.Option;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Content-Range: bytes first-last/total} header of a 206 answer ({@code total} may be
 * {@code *}).
 */
record ContentRange(long first, long last, Option<Long> total) {

    private static final Pattern FORMAT = Pattern.compile("\\s*bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)\\s*",
            Pattern.CASE_INSENSITIVE);

    static Option<ContentRange> parse(String header) {
        if (header == null) {
            return Option.none();
        }
        Matcher matcher = FORMAT.matcher(header);
        if (!matcher.matches()) {
            return Option.none();
        }
        try {
            long first = Long.parseLong(matcher.group(1));
            long last = Long.parseLong(matcher.group(2));
            Option<Long> total = matcher.group(3).equals("*") ? Option.none() : Option.some(Long.parseLong(matcher.group(3)));
            if (last < first || total.exists(t -> last >= t)) {
                return Option.none();
            }
            return Option.some(new ContentRange(first, last, total));
        } catch (NumberFormatException tooLong) {
            return Option.none();
        }
    }
}
