package io.imagine4j.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson configuration for provider APIs, tolerant where providers drift: unknown fields are
 * ignored (gateways add them), unknown enum values read as {@code null} (gateways invent statuses),
 * a {@code null} for a primitive reads as its default, and absent values are not written (a
 * {@code null} field is left out of a request rather than sent as {@code null}). Records work as
 * DTOs as they are.
 *
 * <pre>{@code
 * record Created(@JsonProperty("request_id") String requestId) { }
 * Created created = ApiJson.mapper().readValue(bytes, Created.class);
 * }</pre>
 */
public final class ApiJson {

    private static final ObjectMapper SHARED = newMapper();

    private ApiJson() {
    }

    /** The shared mapper. Thread-safe; do not reconfigure it (take {@link #newMapper()} for that). */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /** A fresh mapper with the same configuration, to adjust for one adapter. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
