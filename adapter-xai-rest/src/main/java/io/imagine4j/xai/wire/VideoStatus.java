package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The answer to {@code GET /videos/{request_id}}, in every shape it is seen in. Every field may be
 * missing: a pending answer has only {@code status} and {@code progress}, a failed one no
 * {@code video}; the guide's finished answer is flat ({@code url}, {@code duration}, no status);
 * the OpenAI-SDK route puts the result at {@code data[0]}.
 */
public record VideoStatus(
        @JsonProperty("status") String status,
        @JsonProperty("progress") Integer progress,
        @JsonProperty("video") Video video,
        @JsonProperty("model") String model,
        @JsonProperty("usage") Usage usage,
        @JsonProperty("error") Error error,
        @JsonProperty("url") String url,
        @JsonProperty("duration") Double duration,
        @JsonProperty("respect_moderation") Boolean respectModeration,
        @JsonProperty("data") List<Video> data) {

    /** The result: {@code url} is empty when moderation held the video back. */
    public record Video(
            @JsonProperty("url") String url,
            @JsonProperty("duration") Double duration,
            @JsonProperty("respect_moderation") Boolean respectModeration,
            @JsonProperty("file_output") FileOutput fileOutput,
            @JsonProperty("storage_error") String storageError) {
    }

    /** Where {@code storage_options} stored the video in the Files API. */
    public record FileOutput(
            @JsonProperty("file_id") String fileId,
            @JsonProperty("filename") String filename,
            @JsonProperty("expires_at") Long expiresAt,
            @JsonProperty("public_url") String publicUrl,
            @JsonProperty("public_url_error") String publicUrlError,
            @JsonProperty("public_url_expires_at") Long publicUrlExpiresAt) {
    }

    /** What the request cost: 10,000,000,000 ticks are one US dollar. */
    public record Usage(@JsonProperty("cost_in_usd_ticks") Long costInUsdTicks) {
    }

    /** Why a job failed: {@code invalid_argument}, {@code internal_error}… */
    public record Error(@JsonProperty("code") String code, @JsonProperty("message") String message) {
    }
}
