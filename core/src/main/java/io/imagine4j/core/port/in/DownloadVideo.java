package io.imagine4j.core.port.in;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.ContentVariant;
import io.vavr.control.Either;

import java.nio.file.Path;

/** Use case: save a result to a local file. */
public interface DownloadVideo {

    /**
     * Streams the video to {@code target}: into a temporary file beside it, checked against the
     * announced length, then moved into place atomically, so {@code target} is either the whole
     * video or untouched. Interrupted transfers resume where the server supports ranges. Memory use
     * does not grow with the video's size.
     *
     * <pre>{@code
     * jobs.download(video, Path.of("fox.mp4")).peekLeft(f -> log.warn("{}", f));
     * }</pre>
     */
    default Either<JobFailure, DownloadedVideo> download(GeneratedVideo video, Path target) {
        return download(video, target, DownloadListener.NONE);
    }

    default Either<JobFailure, DownloadedVideo> download(GeneratedVideo video, Path target, DownloadListener listener) {
        return download(video, ContentVariant.VIDEO, target, listener);
    }

    /**
     * Saves one content variant of a finished job, as safely as the video.
     *
     * <pre>{@code
     * jobs.download(video, ContentVariant.THUMBNAIL, Path.of("fox.webp"));
     * }</pre>
     *
     * @throws io.imagine4j.core.model.UnsupportedCapabilityException for a variant the provider does not serve
     */
    default Either<JobFailure, DownloadedVideo> download(GeneratedVideo video, ContentVariant variant, Path target) {
        return download(video, variant, target, DownloadListener.NONE);
    }

    Either<JobFailure, DownloadedVideo> download(GeneratedVideo video, ContentVariant variant, Path target,
            DownloadListener listener);
}
