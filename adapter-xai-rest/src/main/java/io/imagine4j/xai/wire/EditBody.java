package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** {@code POST /videos/edits}: the result keeps the input's duration and shape. */
public record EditBody(
        @JsonProperty("model") String model,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("video") MediaUrl video,
        @JsonProperty("user") String user,
        @JsonProperty("storage_options") StorageOptions storageOptions,
        @JsonProperty("output") VideoOutput output,
        @JsonAnyGetter Map<String, Object> extras) {
}
