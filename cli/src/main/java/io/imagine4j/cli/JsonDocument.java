package io.imagine4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON object {@code --json} prints: plain maps, lists and values, written by Jackson.
 * Every document has a {@code failure}: null, or {@code kind} (a {@link FailureKind} name),
 * {@code code} and {@code message}.
 */
final class JsonDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> root = new LinkedHashMap<>();

    JsonDocument put(String name, Object value) {
        root.put(name, value);
        return this;
    }

    /** A document that says only what went wrong: usage errors, invalid input, a store that cannot be opened. */
    static JsonDocument failure(FailureKind kind, String code, String message) {
        return new JsonDocument().put("failure", failureObject(kind, code, message));
    }

    static Map<String, Object> failureObject(JobFailure failure) {
        return failureObject(failure.kind(), failure.code(), failure.message());
    }

    static Map<String, Object> failureObject(FailureKind kind, String code, String message) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("kind", kind.name());
        object.put("code", code);
        object.put("message", message);
        return object;
    }

    @Override
    public String toString() {
        root.putIfAbsent("failure", null);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document of plain values always serialises", e);
        }
    }
}
