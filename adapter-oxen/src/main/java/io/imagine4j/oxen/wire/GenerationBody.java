package io.imagine4j.oxen.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * {@code POST /ai/queue} and {@code POST /ai/videos/generate}: Oxen's own fields ({@code model},
 * {@code num_generations}, {@code response_format}) beside the model's parameters, which Oxen passes
 * through to the model unchecked ({@code prompt}, {@code input_video}, {@code duration}…): they
 * are checked against the model's {@code request_schema} before anything is sent.
 */
public record GenerationBody(
        @JsonProperty("model") String model,
        @JsonProperty("num_generations") Integer numGenerations,
        @JsonProperty("response_format") String responseFormat,
        @JsonAnyGetter Map<String, Object> parameters) {

    /** This body for the synchronous generate, which makes one video and answers in {@code format}. */
    public GenerationBody synchronous(String format) {
        return new GenerationBody(model, null, format, parameters);
    }
}
