package io.imagine4j.oxen.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code ListModelsResponse}: every model of the hub, chat and image models too. */
public record ModelList(@JsonProperty("data") List<ModelBody> data) {
}
