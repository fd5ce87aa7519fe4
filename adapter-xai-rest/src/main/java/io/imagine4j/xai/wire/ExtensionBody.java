package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * {@code POST /videos/extensions}: {@code duration} is the new segment's, 2–10 s. xAI's spec gives
 * this endpoint no {@code user} field.
 */
public record ExtensionBody(
        @JsonProperty("model") String model,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("video") MediaUrl video,
        @JsonProperty("duration") Integer duration,
        @JsonProperty("storage_options") StorageOptions storageOptions,
        @JsonProperty("output") VideoOutput output,
        @JsonAnyGetter Map<String, Object> extras) {
}
