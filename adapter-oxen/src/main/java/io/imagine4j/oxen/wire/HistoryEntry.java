package io.imagine4j.oxen.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GenerationsShowResponse}: one generation under {@code generation}, in Oxen's success envelope. */
public record HistoryEntry(@JsonProperty("generation") GenerationRow generation) {
}
