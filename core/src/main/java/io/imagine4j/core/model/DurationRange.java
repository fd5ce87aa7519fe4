package io.imagine4j.core.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * An inclusive range of media lengths, such as the input lengths a provider accepts for an edit.
 *
 * <pre>{@code
 * DurationRange editInput = DurationRange.upTo(Duration.ofMillis(8_700)); // 0–8.7 s
 * }</pre>
 */
public record DurationRange(Duration min, Duration max) {

    public DurationRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("A duration range needs 0 <= min <= max, got " + min + ".." + max);
        }
    }

    public static DurationRange between(Duration min, Duration max) {
        return new DurationRange(min, max);
    }

    public static DurationRange upTo(Duration max) {
        return new DurationRange(Duration.ZERO, max);
    }

    public boolean contains(Duration value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /** {@code "2–15 s"}, or {@code "at most 8.7 s"} when the range starts at zero. */
    public String describe() {
        return min.isZero() ? "at most " + seconds(max) + " s" : seconds(min) + "–" + seconds(max) + " s";
    }

    /** Seconds as a plain decimal with at most three places: {@code 8.7}, {@code 15}. */
    public static String seconds(Duration value) {
        return BigDecimal.valueOf(value.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
