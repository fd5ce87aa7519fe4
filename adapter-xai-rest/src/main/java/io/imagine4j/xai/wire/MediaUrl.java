package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code {"url": …}} (a public URL or a {@code data:} URI) or {@code {"file_id": …}} (a file of
 * xAI's Files API): {@code image}, {@code video}, each reference image, a keyframe's image.
 */
public record MediaUrl(@JsonProperty("url") String url, @JsonProperty("file_id") String fileId) {

    public static MediaUrl of(String url) {
        return new MediaUrl(url, null);
    }

    public static MediaUrl file(String fileId) {
        return new MediaUrl(null, fileId);
    }
}
