package io.imagine4j.openai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code video} as an object: {@code {"id": …}} of a completed video of the same server. */
public record VideoReference(@JsonProperty("id") String id) {
}
