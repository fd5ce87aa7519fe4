package io.imagine4j.openai.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** {@code POST /videos} as JSON; {@code seconds} is a string ({@code "8"}), as the API's enum says. */
public record CreateBody(
        @JsonProperty("model") String model,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("seconds") String seconds,
        @JsonProperty("size") String size,
        @JsonProperty("input_reference") ImageReference inputReference,
        @JsonAnyGetter Map<String, Object> extras) {
}
