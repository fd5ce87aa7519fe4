package io.imagine4j.testkit.internal.json;

import io.vavr.control.Option;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON object: members in the order they were written, names unique.
 *
 * <pre>{@code
 * JsonObject error = JsonObject.builder().put("code", "internal_error").put("message", "boom").build();
 * Option<String> code = error.string("code");                     // Some("internal_error")
 * }</pre>
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {

    public JsonObject {
        Objects.requireNonNull(members, "members");
        Map<String, JsonValue> copy = new LinkedHashMap<>();
        members.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "member name"),
                Objects.requireNonNull(value, () -> "value of " + name)));
        members = Collections.unmodifiableMap(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static JsonObject empty() {
        return new JsonObject(Map.of());
    }

    public Option<JsonValue> get(String name) {
        return Option.of(members.get(name));
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    /** The member's text, if it is a string. */
    public Option<String> string(String name) {
        return get(name).filter(JsonString.class::isInstance).map(value -> ((JsonString) value).value());
    }

    /** The member as an object, if it is one. */
    public Option<JsonObject> object(String name) {
        return get(name).filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
    }

    /** The member's number, if it is one. */
    public Option<BigDecimal> number(String name) {
        return get(name).filter(JsonNumber.class::isInstance).map(value -> ((JsonNumber) value).value());
    }

    @Override
    public String kind() {
        return "object";
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Collects members in order; putting a name twice keeps the last value in the first position. */
    public static final class Builder {
        private final Map<String, JsonValue> members = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, JsonValue value) {
            members.put(name, value);
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, new JsonString(value));
        }

        public Builder put(String name, long value) {
            return put(name, JsonNumber.of(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, JsonBoolean.of(value));
        }

        public Builder put(String name, List<? extends JsonValue> values) {
            return put(name, new JsonArray(List.copyOf(values)));
        }

        /** Puts the value only when present: optional fields stay absent rather than null. */
        public Builder putIfPresent(String name, Option<? extends JsonValue> value) {
            value.forEach(present -> members.put(name, present));
            return this;
        }

        public JsonObject build() {
            return new JsonObject(members);
        }
    }
}
