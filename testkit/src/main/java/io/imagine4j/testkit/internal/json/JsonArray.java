package io.imagine4j.testkit.internal.json;

import java.util.List;
import java.util.Objects;

/** A JSON array. */
public record JsonArray(List<JsonValue> elements) implements JsonValue {

    public JsonArray {
        Objects.requireNonNull(elements, "elements");
        elements = List.copyOf(elements);
    }

    public static JsonArray of(JsonValue... elements) {
        return new JsonArray(List.of(elements));
    }

    @Override
    public String kind() {
        return "array";
    }

    @Override
    public String toString() {
        return toJson();
    }
}
