package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code storage_options}: store the result in the Files API as {@code filename}, expiring after
 * {@code expires_after} seconds if given; {@code public_url} is {@code true} or a
 * {@link PublicUrlOptions}, absent for a private file.
 */
public record StorageOptions(
        @JsonProperty("filename") String filename,
        @JsonProperty("expires_after") Long expiresAfter,
        @JsonProperty("public_url") Object publicUrl) {

    /** {@code public_url: {"expires_after": …}}. */
    public record PublicUrlOptions(@JsonProperty("expires_after") Long expiresAfter) {
    }
}
