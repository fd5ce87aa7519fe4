package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One of {@code reference_audios}: a clip ({@code url}: public or {@code data:audio/…}) or a preset voice ({@code voice_id}). */
public record AudioUrl(@JsonProperty("url") String url, @JsonProperty("voice_id") String voiceId) {
}
