package io.imagine4j.core.port.in;

import io.imagine4j.core.model.GeneratedVideo;

import java.nio.file.Path;
import java.util.Objects;

/** A result saved to a local file: where, how many bytes, and which video. */
public record DownloadedVideo(Path path, long bytes, GeneratedVideo video) {

    public DownloadedVideo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(video, "video");
    }
}
