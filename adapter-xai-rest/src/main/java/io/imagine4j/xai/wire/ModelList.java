package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code GET /video-generation-models}: every video model the key may use. */
public record ModelList(@JsonProperty("models") List<VideoModel> models) {
}
