package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** {@code POST /videos/generations}: text-to-video, or image-to-video with {@code image}. */
public record GenerationBody(
        @JsonProperty("model") String model,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("duration") Integer duration,
        @JsonProperty("aspect_ratio") String aspectRatio,
        @JsonProperty("resolution") String resolution,
        @JsonProperty("image") MediaUrl image,
        @JsonProperty("user") String user,
        @JsonAnyGetter Map<String, Object> extras) {
}
