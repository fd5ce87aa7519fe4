package io.imagine4j.core.time;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Growing waits between attempts: {@code initial}, then times {@code multiplier} each attempt, up
 * to {@code max}, each spread by ±{@code jitter} so that thousands of jobs started together do not
 * poll in lockstep.
 *
 * <pre>{@code
 * Backoff polls = Backoff.of(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(8), 0.2);
 * Duration third = polls.delay(2, random::nextDouble);   // about 2.25 s
 * }</pre>
 */
public record Backoff(Duration initial, double multiplier, Duration max, double jitter) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("A backoff needs 0 <= initial <= max, got " + initial + " and " + max);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("A backoff multiplier is at least 1, got " + multiplier);
        }
        if (jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("Jitter is a fraction in [0, 1), got " + jitter);
        }
    }

    public static Backoff of(Duration initial, double multiplier, Duration max, double jitter) {
        return new Backoff(initial, multiplier, max, jitter);
    }

    /** The wait before attempt {@code attempt + 1} (attempt 0 waits about {@code initial}). */
    public Duration delay(int attempt, DoubleSupplier random) {
        double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, Math.min(attempt, 64)));
        double capped = Math.min(base, max.toMillis());
        double spread = capped * jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(capped + spread)));
    }
}
