package io.imagine4j.openai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code input_reference} as an object: exactly one of a URL (public or {@code data:}) and an uploaded file's id. */
public record ImageReference(@JsonProperty("image_url") String imageUrl, @JsonProperty("file_id") String fileId) {
}
