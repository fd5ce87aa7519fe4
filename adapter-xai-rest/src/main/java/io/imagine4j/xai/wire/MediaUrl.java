package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"url": …}}: a public URL or a {@code data:} URI, for {@code image} and {@code video}. */
public record MediaUrl(@JsonProperty("url") String url) {
}
