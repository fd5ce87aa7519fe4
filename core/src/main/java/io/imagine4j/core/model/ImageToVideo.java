package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.util.Objects;

/** A video generated from a prompt, starting from an image as its first frame. */
public record ImageToVideo(String prompt, MediaSource image, VideoOptions options) implements VideoRequest {

    public ImageToVideo {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public RequestKind kind() {
        return RequestKind.IMAGE_TO_VIDEO;
    }

    @Override
    public Option<MediaSource> input() {
        return Option.some(image);
    }

    @Override
    public ImageToVideo withOptions(VideoOptions options) {
        return new ImageToVideo(prompt, image, options);
    }

    @Override
    public ImageToVideo withInput(MediaSource input) {
        return new ImageToVideo(prompt, input, options);
    }
}
