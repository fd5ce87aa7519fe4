package io.imagine4j.store.jdbc.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A request as stored: {@code {"format":1,"kind":"EDIT","prompt":"…","input":{…},"options":{…}}}.
 *
 * @param format the document's version, 1 for now
 * @param kind   the request kind's enum name
 * @param prompt the prompt
 * @param input  the input image or video; absent for text-to-video
 * @param options the options
 */
public record StoredRequest(
        @JsonProperty("format") int format,
        @JsonProperty("kind") String kind,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("input") StoredSource input,
        @JsonProperty("options") StoredOptions options) {

    /** The version this code writes. */
    public static final int FORMAT = 1;
}
