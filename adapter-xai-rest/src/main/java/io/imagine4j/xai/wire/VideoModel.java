package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One video model, as {@code /video-generation-models} describes it: its id, the other names a
 * request may use ({@code aliases}), and its input modalities ({@code text}, {@code image};
 * {@code audio} for models taking reference audio).
 */
public record VideoModel(
        @JsonProperty("id") String id,
        @JsonProperty("fingerprint") String fingerprint,
        @JsonProperty("created") Long created,
        @JsonProperty("object") String object,
        @JsonProperty("owned_by") String ownedBy,
        @JsonProperty("version") String version,
        @JsonProperty("input_modalities") List<String> inputModalities,
        @JsonProperty("output_modalities") List<String> outputModalities,
        @JsonProperty("aliases") List<String> aliases) {
}
