package io.imagine4j.core.job;

import io.vavr.control.Option;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * How long a server asked us to wait, read from a {@code Retry-After} header in either of its
 * forms: delay-seconds ({@code 120}) or an HTTP date ({@code Wed, 21 Oct 2026 07:28:00 GMT}).
 * A date in the past means "now".
 *
 * <pre>{@code
 * Option<RetryAfter> wait = RetryAfter.parse(response.header("Retry-After"), clock.instant());
 * }</pre>
 */
public record RetryAfter(Duration delay) {

    public RetryAfter {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
    }

    public static RetryAfter of(Duration delay) {
        return new RetryAfter(delay);
    }

    /** The header's value as a wait from {@code now}; none when the header is absent or unreadable. */
    public static Option<RetryAfter> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Option.none();
        }
        String value = header.trim();
        try {
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() < 0) {
                return Option.none();
            }
            return Option.some(new RetryAfter(Duration.ofMillis(seconds.movePointRight(3).longValue())));
        } catch (NumberFormatException | ArithmeticException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Option.some(new RetryAfter(Duration.between(now, at)));
            } catch (DateTimeParseException notADate) {
                return Option.none();
            }
        }
    }

    @Override
    public String toString() {
        return "RetryAfter[" + delay + "]";
    }
}
