package io.imagine4j.openai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code GET /videos}: one page, newest first, continued with {@code after=last_id} while {@code has_more}. */
public record VideoList(
        @JsonProperty("data") List<VideoObject> data,
        @JsonProperty("first_id") String firstId,
        @JsonProperty("last_id") String lastId,
        @JsonProperty("has_more") Boolean hasMore) {
}
