package io.imagine4j.openai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code DELETE /videos/{id}}: {@code {"id","object":"video.deleted","deleted":true}}. A gateway that
 * cancels an unfinished job instead answers the Video object, whose {@code status} then says so.
 */
public record DeletedVideo(
        @JsonProperty("id") String id,
        @JsonProperty("object") String object,
        @JsonProperty("deleted") Boolean deleted,
        @JsonProperty("status") String status) {
}
