package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * A finished video made again by the provider that made it, with a changed prompt (OpenAI's
 * {@code POST /videos/{id}/remix}). The source is a previous result of the same provider.
 *
 * <pre>{@code
 * VideoRequest night = VideoRequest.remix("The same scene at night", video);   // video: a GeneratedVideo
 * }</pre>
 */
public record RemixVideo(String prompt, MediaSource.PreviousResult video, VideoOptions options) implements VideoRequest {

    public RemixVideo {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public RequestKind kind() {
        return RequestKind.REMIX;
    }

    @Override
    public Option<MediaSource> input() {
        return Option.some(video);
    }

    @Override
    public RemixVideo withOptions(VideoOptions options) {
        return new RemixVideo(prompt, video, options);
    }

    @Override
    public RemixVideo withInput(MediaSource input) {
        if (!(input instanceof MediaSource.PreviousResult previous)) {
            throw new IllegalArgumentException("A remix starts from a previous result, not " + input.kind().description());
        }
        return new RemixVideo(prompt, previous, options);
    }
}
