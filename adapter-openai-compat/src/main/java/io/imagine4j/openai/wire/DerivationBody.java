package io.imagine4j.openai.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * {@code POST /videos/edits} and {@code /videos/extensions} as JSON: the video by id; {@code seconds}
 * (a string) only for an extension, the new segment's length.
 */
public record DerivationBody(
        @JsonProperty("prompt") String prompt,
        @JsonProperty("video") VideoReference video,
        @JsonProperty("seconds") String seconds,
        @JsonAnyGetter Map<String, Object> extras) {
}
