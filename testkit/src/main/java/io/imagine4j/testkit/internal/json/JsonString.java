package io.imagine4j.testkit.internal.json;

import java.util.Objects;

/** A JSON string; any Java string, including lone surrogates, which are written as escapes. */
public record JsonString(String value) implements JsonValue {

    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String kind() {
        return "string";
    }

    @Override
    public String toString() {
        return toJson();
    }
}
