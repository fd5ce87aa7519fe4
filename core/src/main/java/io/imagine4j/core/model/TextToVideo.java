package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.util.Objects;

/** A video generated from a prompt alone. */
public record TextToVideo(String prompt, VideoOptions options) implements VideoRequest {

    public TextToVideo {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public RequestKind kind() {
        return RequestKind.TEXT_TO_VIDEO;
    }

    @Override
    public Option<MediaSource> input() {
        return Option.none();
    }

    @Override
    public TextToVideo withOptions(VideoOptions options) {
        return new TextToVideo(prompt, options);
    }

    /** A text-to-video request has no input: always throws. */
    @Override
    public VideoRequest withInput(MediaSource input) {
        throw new IllegalArgumentException("A text-to-video request takes no input; use VideoRequest.imageToVideo");
    }
}
