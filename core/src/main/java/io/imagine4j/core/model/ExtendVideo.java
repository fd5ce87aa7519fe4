package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.util.Objects;

/** An input video followed by a newly generated segment; {@link VideoOptions#duration()} is the new segment's length. */
public record ExtendVideo(String prompt, MediaSource video, VideoOptions options) implements VideoRequest {

    public ExtendVideo {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public RequestKind kind() {
        return RequestKind.EXTEND;
    }

    @Override
    public Option<MediaSource> input() {
        return Option.some(video);
    }

    @Override
    public ExtendVideo withOptions(VideoOptions options) {
        return new ExtendVideo(prompt, video, options);
    }

    @Override
    public ExtendVideo withInput(MediaSource input) {
        return new ExtendVideo(prompt, input, options);
    }
}
