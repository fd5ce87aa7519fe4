package io.imagine4j.openai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Video object every endpoint answers. Every field may be missing or {@code null}; gateways add
 * fields (ignored), invent statuses, rewrite ids, and may send the timestamps in milliseconds.
 */
public record VideoObject(
        @JsonProperty("id") String id,
        @JsonProperty("object") String object,
        @JsonProperty("model") String model,
        @JsonProperty("status") String status,
        @JsonProperty("progress") Integer progress,
        @JsonProperty("created_at") Long createdAt,
        @JsonProperty("completed_at") Long completedAt,
        @JsonProperty("expires_at") Long expiresAt,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("size") String size,
        @JsonProperty("seconds") String seconds,
        @JsonProperty("remixed_from_video_id") String remixedFromVideoId,
        @JsonProperty("error") Error error) {

    /** Why a job failed: {@code moderation_blocked}, {@code internal_error}… */
    public record Error(@JsonProperty("code") String code, @JsonProperty("message") String message) {
    }
}
