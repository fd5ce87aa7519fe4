package io.imagine4j.examples.spring;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.VideoRequest;

/**
 * The body of {@code POST /videos}: a prompt, and optionally a length and a frame shape (the
 * starter's {@code imagine4j.xai.defaults.*} fill what is left out).
 *
 * @param prompt          what the video shows
 * @param durationSeconds its length, or null for the default
 * @param aspectRatio     its shape, written W:H, or null for the default
 */
public record VideoOrder(String prompt, Integer durationSeconds, String aspectRatio) {

    /** The text-to-video request this order asks for. */
    VideoRequest toRequest() {
        VideoRequest request = VideoRequest.textToVideo(prompt == null ? "" : prompt);
        if (durationSeconds != null) {
            request = request.with(options -> options.withDurationSeconds(durationSeconds));
        }
        if (aspectRatio != null) {
            request = request.with(options -> options.withAspectRatio(AspectRatio.parse(aspectRatio)));
        }
        return request;
    }
}
