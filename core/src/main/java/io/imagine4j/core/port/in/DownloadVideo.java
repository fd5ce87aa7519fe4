package io.imagine4j.core.port.in;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
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

    Either<JobFailure, DownloadedVideo> download(GeneratedVideo video, Path target, DownloadListener listener);
}
