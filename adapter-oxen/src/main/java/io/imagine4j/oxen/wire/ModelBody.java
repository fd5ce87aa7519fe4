package io.imagine4j.oxen.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One model ({@code Model}): its id, what it takes and makes, its price, and the JSON Schema of its
 * parameters ({@code request_schema}).
 */
public record ModelBody(
        @JsonProperty("id") String id,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("description") String description,
        @JsonProperty("endpoint") String endpoint,
        @JsonProperty("capabilities") Capabilities capabilities,
        @JsonProperty("pricing") Pricing pricing,
        @JsonProperty("request_schema") JsonNode requestSchema) {

    /** Whether the model makes videos: its endpoint, else its declared output. */
    public boolean makesVideo() {
        if (endpoint != null) {
            return endpoint.endsWith("/videos/generate");
        }
        return capabilities != null && capabilities.output() != null && capabilities.output().contains("video");
    }

    /** {@code {"input":["text","video"],"output":["video"]}}. */
    public record Capabilities(@JsonProperty("input") List<String> input, @JsonProperty("output") List<String> output) {
    }

    /** What the model costs; for video models per output second, overall or by resolution. */
    public record Pricing(
            @JsonProperty("method") String method,
            @JsonProperty("cost_per_second") BigDecimal costPerSecond,
            @JsonProperty("cost_per_second_by_resolution") Map<String, BigDecimal> costPerSecondByResolution,
            @JsonProperty("cost_per_second_with_audio") BigDecimal costPerSecondWithAudio) {
    }
}
