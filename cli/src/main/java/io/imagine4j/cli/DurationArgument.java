package io.imagine4j.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 500ms}, a bare
 * number of seconds, or ISO-8601 ({@code PT10M}).
 */
final class DurationArgument {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private DurationArgument() {
    }

    static Duration parse(String text, String option) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        }
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text, option);
            }
        }
        Matcher matcher = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                throw invalid(text, option);
            }
            double amount = Double.parseDouble(matcher.group(1));
            long millis = switch (matcher.group(2)) {
                case "ms" -> Math.round(amount);
                case "s" -> Math.round(amount * 1_000);
                case "m" -> Math.round(amount * 60_000);
                default -> Math.round(amount * 3_600_000);
            };
            total = total.plusMillis(millis);
            end = matcher.end();
        }
        if (end == 0 || end != value.length()) {
            throw invalid(text, option);
        }
        return total;
    }

    private static UsageException invalid(String text, String option) {
        return new UsageException(option + ": '" + text + "' is not a duration; write it like 8, 90s, 10m or 1h30m");
    }

    /** A duration as people read it: {@code 15s}, {@code 2m}, {@code 1m30s}, {@code 500ms}. */
    static String format(Duration value) {
        if (value.toMillis() < 1000) {
            return value.toMillis() + "ms";
        }
        long seconds = value.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }
}
