package io.imagine4j.store.jdbc;

import java.time.Duration;
import java.time.Instant;

/**
 * Instants and durations as the store's BIGINT columns hold them: nanoseconds, exact, and
 * comparable in SQL in both databases (SQLite has no time type; PostgreSQL's keeps microseconds
 * only, and a virtual clock's instants have nanoseconds). The range is 1677–2262.
 */
final class EpochNanos {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EpochNanos() {
    }

    /** @throws ArithmeticException outside 1677–2262 */
    static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    /** For a bound in a query: saturates instead of failing ({@code Instant.MAX} means "any time"). */
    static long bound(Instant instant) {
        try {
            return of(instant);
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** @throws ArithmeticException beyond 292 years */
    static long of(Duration duration) {
        return duration.toNanos();
    }

    static Duration duration(long nanos) {
        return Duration.ofNanos(nanos);
    }
}
