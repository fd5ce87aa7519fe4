package io.imagine4j.testkit.internal.json;

import io.vavr.control.Option;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number, kept exactly as written: {@code 8}, {@code 8.0} and {@code 8e0} are three
 * different values, so a test can tell {@code "duration":8} from {@code "duration":8.0}.
 */
public record JsonNumber(BigDecimal value) implements JsonValue {

    public JsonNumber {
        Objects.requireNonNull(value, "value");
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    /** The value as an int, when it is a whole number in int range ({@code 8.0} counts, {@code 8.5} does not). */
    public Option<Integer> intValue() {
        try {
            return Option.some(value.stripTrailingZeros().intValueExact());
        } catch (ArithmeticException notAnInt) {
            return Option.none();
        }
    }

    @Override
    public String kind() {
        return "number";
    }

    @Override
    public String toString() {
        return toJson();
    }
}
