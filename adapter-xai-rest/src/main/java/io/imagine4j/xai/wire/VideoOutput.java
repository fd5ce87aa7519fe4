package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code output}: xAI uploads the result with an HTTP PUT to {@code upload_url}, a signed URL. */
public record VideoOutput(@JsonProperty("upload_url") String uploadUrl) {
}
