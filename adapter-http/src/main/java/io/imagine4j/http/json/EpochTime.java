package io.imagine4j.http.json;

import io.vavr.control.Option;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * A Unix time a provider sent, read without trusting it: a count beyond what {@link Instant} holds
 * (a corrupted field, a gateway's garbage) is no time at all, rather than the
 * {@code DateTimeException} that {@code Instant.ofEpochSecond} would throw out of an adapter.
 *
 * <pre>{@code
 * Option<Instant> created = Option.of(model.created()).flatMap(EpochTime::seconds);
 * }</pre>
 */
public final class EpochTime {

    private EpochTime() {
    }

    /** {@code seconds} after the epoch, when an {@link Instant} can hold it. */
    public static Option<Instant> seconds(long seconds) {
        try {
            return Option.some(Instant.ofEpochSecond(seconds));
        } catch (DateTimeException | ArithmeticException beyond) {
            return Option.none();
        }
    }

    /** {@code millis} after the epoch, when an {@link Instant} can hold it. */
    public static Option<Instant> millis(long millis) {
        try {
            return Option.some(Instant.ofEpochMilli(millis));
        } catch (DateTimeException | ArithmeticException beyond) {
            return Option.none();
        }
    }
}
