package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.util.function.UnaryOperator;

/**
 * One video job to run: text-to-video, image-to-video, an edit of a video, an extension of a
 * video, or a remix of a previous result. Requests are immutable values; build them with the
 * factories here. A finished video is itself an input ({@link MediaSource#of(GeneratedVideo)}), so
 * edits chain without a re-upload.
 *
 * <pre>{@code
 * VideoRequest fox  = VideoRequest.textToVideo("A red fox running through snow")
 *                                 .with(o -> o.withDurationSeconds(6));
 * VideoRequest snow = VideoRequest.edit("Make it snow", MediaSource.file(Path.of("clip.mp4")));
 * VideoRequest more = VideoRequest.edit("Add a second fox", MediaSource.of(snowResult));   // chained
 * }</pre>
 */
public sealed interface VideoRequest permits TextToVideo, ImageToVideo, EditVideo, ExtendVideo, RemixVideo {

    String prompt();

    VideoOptions options();

    RequestKind kind();

    /** The input image or video, if this kind of request has one. */
    Option<MediaSource> input();

    /** This request with other options. */
    VideoRequest withOptions(VideoOptions options);

    /** This request with another input of the same role; a text-to-video request has none and throws. */
    VideoRequest withInput(MediaSource input);

    /** This request with its options changed by {@code change}. */
    default VideoRequest with(UnaryOperator<VideoOptions> change) {
        return withOptions(change.apply(options()));
    }

    static TextToVideo textToVideo(String prompt) {
        return new TextToVideo(prompt, VideoOptions.defaults());
    }

    /** A video whose first frame is {@code image}. */
    static ImageToVideo imageToVideo(String prompt, MediaSource image) {
        return new ImageToVideo(prompt, image, VideoOptions.defaults());
    }

    /** {@code video} changed as the prompt says; the result keeps the input's length. */
    static EditVideo edit(String prompt, MediaSource video) {
        return new EditVideo(prompt, video, VideoOptions.defaults());
    }

    /** {@code video} continued by a new segment; the duration option is the new segment's. */
    static ExtendVideo extend(String prompt, MediaSource video) {
        return new ExtendVideo(prompt, video, VideoOptions.defaults());
    }

    /** {@code video}, a previous result, made again by its provider with a changed prompt. */
    static RemixVideo remix(String prompt, GeneratedVideo video) {
        return new RemixVideo(prompt, MediaSource.of(video), VideoOptions.defaults());
    }

    /**
     * The result of job {@code jobId} made again with a changed prompt. The service looks the job
     * up before anything is sent, and refuses the remix while the job has not succeeded.
     */
    static RemixVideo remix(String prompt, JobId jobId) {
        return new RemixVideo(prompt, MediaSource.ofJob(jobId), VideoOptions.defaults());
    }
}
