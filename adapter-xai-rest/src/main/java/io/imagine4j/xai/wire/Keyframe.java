package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/** One of {@code keyframes}: an image that appears as it is at {@code timestamp_s}, strictly inside the clip. */
public record Keyframe(@JsonProperty("image") MediaUrl image, @JsonProperty("timestamp_s") BigDecimal timestampS) {
}
