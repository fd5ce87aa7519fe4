package io.imagine4j.store.jdbc.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An input as stored. Content is never stored: a local file is kept as its path and the SHA-256
 * of its content when the job was recorded (it is sent again only while the file still hashes
 * the same); bytes in memory as their hash and size only, which cannot be sent again.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "source")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StoredSource.Url.class, name = "url"),
        @JsonSubTypes.Type(value = StoredSource.File.class, name = "file"),
        @JsonSubTypes.Type(value = StoredSource.Bytes.class, name = "bytes"),
        @JsonSubTypes.Type(value = StoredSource.Result.class, name = "result")})
public sealed interface StoredSource {

    /** A URL the provider fetches. */
    record Url(@JsonProperty("uri") String uri) implements StoredSource {
    }

    /**
     * A local file.
     *
     * @param sha256 the content's hash (lower-case hex) when it was recorded; absent if it could not be read then
     * @param size   the content's length then, if it could be read
     */
    record File(@JsonProperty("path") String path, @JsonProperty("sha256") String sha256,
                @JsonProperty("size") Long size) implements StoredSource {
    }

    /** Bytes that were in memory: only their fingerprint, so never sent again. */
    record Bytes(@JsonProperty("sha256") String sha256, @JsonProperty("size") long size) implements StoredSource {
    }

    /** A previous job's result, with its video when the service had resolved it. */
    record Result(@JsonProperty("jobId") String jobId, @JsonProperty("video") StoredVideo video) implements StoredSource {
    }
}
