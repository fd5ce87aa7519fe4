package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code GET /videos/{request_id}}. Every field may be missing: a pending answer
 * has only {@code status} and {@code progress}, a failed one no {@code video}.
 */
public record VideoStatus(
        @JsonProperty("status") String status,
        @JsonProperty("progress") Integer progress,
        @JsonProperty("video") Video video,
        @JsonProperty("model") String model,
        @JsonProperty("usage") Usage usage,
        @JsonProperty("error") Error error) {

    /** The result: {@code url} is empty when moderation held the video back. */
    public record Video(
            @JsonProperty("url") String url,
            @JsonProperty("duration") Double duration,
            @JsonProperty("respect_moderation") Boolean respectModeration) {
    }

    /** What the request cost: 10,000,000,000 ticks are one US dollar. */
    public record Usage(@JsonProperty("cost_in_usd_ticks") Long costInUsdTicks) {
    }

    /** Why a job failed: {@code invalid_argument}, {@code internal_error}… */
    public record Error(@JsonProperty("code") String code, @JsonProperty("message") String message) {
    }
}
