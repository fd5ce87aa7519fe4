package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /videos/generations}: text-to-video, image-to-video with {@code image},
 * reference-to-video with {@code reference_images}/{@code reference_audios}, anchored by
 * {@code keyframes}. Extras xAI's spec does not name go out as they are.
 */
public record GenerationBody(
        @JsonProperty("model") String model,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("duration") Integer duration,
        @JsonProperty("aspect_ratio") String aspectRatio,
        @JsonProperty("resolution") String resolution,
        @JsonProperty("image") MediaUrl image,
        @JsonProperty("reference_images") List<MediaUrl> referenceImages,
        @JsonProperty("keyframes") List<Keyframe> keyframes,
        @JsonProperty("reference_audios") List<AudioUrl> referenceAudios,
        @JsonProperty("user") String user,
        @JsonProperty("storage_options") StorageOptions storageOptions,
        @JsonProperty("output") VideoOutput output,
        @JsonAnyGetter Map<String, Object> extras) {
}
