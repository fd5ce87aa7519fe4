package io.imagine4j.oxen.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The data of a {@code media_generation_completed} event:
 * {@code {"generation_id","status":"succeeded","media_type","model","url"}}, or with
 * {@code "status":"failed"} and {@code error}. There is none for a cancelled generation.
 */
public record CompletionEvent(
        @JsonProperty("generation_id") String generationId,
        @JsonProperty("status") String status,
        @JsonProperty("media_type") String mediaType,
        @JsonProperty("model") String model,
        @JsonProperty("url") String url,
        @JsonProperty("error") String error) {
}
