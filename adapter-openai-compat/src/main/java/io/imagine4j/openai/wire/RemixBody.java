package io.imagine4j.openai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /videos/{id}/remix}: the new prompt; everything else comes from the source video. */
public record RemixBody(@JsonProperty("prompt") String prompt) {
}
