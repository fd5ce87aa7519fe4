package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * xAI's flat error body, {@code {"code": …, "error": "message", "usage": {…}}}: moderation on a poll
 * comes this way, with what the rejected generation cost.
 */
public record FlatError(
        @JsonProperty("code") String code,
        @JsonProperty("error") String error,
        @JsonProperty("usage") VideoStatus.Usage usage) {
}
