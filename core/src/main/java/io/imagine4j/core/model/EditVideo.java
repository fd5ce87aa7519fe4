package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.util.Objects;

/** An input video changed as the prompt says. The result keeps the input's duration and shape. */
public record EditVideo(String prompt, MediaSource video, VideoOptions options) implements VideoRequest {

    public EditVideo {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public RequestKind kind() {
        return RequestKind.EDIT;
    }

    @Override
    public Option<MediaSource> input() {
        return Option.some(video);
    }

    @Override
    public EditVideo withOptions(VideoOptions options) {
        return new EditVideo(prompt, video, options);
    }

    @Override
    public EditVideo withInput(MediaSource input) {
        return new EditVideo(prompt, input, options);
    }
}
