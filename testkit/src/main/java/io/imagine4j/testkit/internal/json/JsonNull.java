package io.imagine4j.testkit.internal.json;

/** {@code null}; every instance is equal to every other. */
public record JsonNull() implements JsonValue {

    public static final JsonNull INSTANCE = new JsonNull();

    @Override
    public String kind() {
        return "null";
    }

    @Override
    public String toString() {
        return "null";
    }
}
