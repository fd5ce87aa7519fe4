package io.imagine4j.testkit.internal.json;

/**
 * A JSON value, as RFC 8259 defines it: the six kinds below, nothing else. The simulators read
 * requests and write answers with these, independently of any JSON library the client uses, so a
 * client's mapping can never hide a wire mistake from a test.
 *
 * <pre>{@code
 * JsonValue body = JsonReader.parse("{\"request_id\":\"42\"}");
 * String id = ((JsonObject) body).string("request_id").get();      // "42"
 * String text = JsonObject.builder().put("status", "pending").build().toJson();
 * }</pre>
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /** The compact JSON text of this value. */
    default String toJson() {
        return JsonWriter.write(this);
    }

    /** What this value is, as a word for error messages: {@code object}, {@code string}… */
    String kind();
}
