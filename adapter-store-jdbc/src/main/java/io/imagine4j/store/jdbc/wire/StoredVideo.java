package io.imagine4j.store.jdbc.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * A generated video inside a stored request (a chained input). Instants and durations are
 * ISO-8601; the cost is a decimal string, scale kept.
 */
public record StoredVideo(
        @JsonProperty("jobId") String jobId,
        @JsonProperty("location") String location,
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("duration") String duration,
        @JsonProperty("expiresAt") String expiresAt,
        @JsonProperty("costUsd") String costUsd,
        @JsonProperty("details") Map<String, String> details) {
}
