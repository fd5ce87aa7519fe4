package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.Imagine4jException;
import io.imagine4j.core.port.in.DownloadListener;
import io.imagine4j.core.port.in.DownloadedVideo;
import io.imagine4j.core.port.out.ContentTooLargeException;
import io.imagine4j.core.port.out.Scheduler;
import io.imagine4j.core.port.out.VideoContent;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.function.DoubleSupplier;

/**
 * Saves a result to disk without ever leaving half a video at the target: bytes stream into a
 * temporary file beside the target, interrupted transfers resume from where they stopped (when the
 * server honours ranges), the length is checked against what the server announced, and only then
 * is the file moved into place. One small buffer, whatever the video's size.
 */
final class ResultDownload {

    private static final int BUFFER = 64 * 1024;

    private final ProviderCalls provider;
    private final Scheduler scheduler;
    private final ServiceSettings settings;
    private final DoubleSupplier random;

    ResultDownload(ProviderCalls provider, Scheduler scheduler, ServiceSettings settings, DoubleSupplier random) {
        this.provider = provider;
        this.scheduler = scheduler;
        this.settings = settings;
        this.random = random;
    }

    Either<JobFailure, DownloadedVideo> download(GeneratedVideo video, ContentVariant variant, Path target,
            DownloadListener listener) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path partial = directory.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(directory);
            Either<JobFailure, Long> written = transfer(video, variant, partial, listener);
            if (written.isLeft()) {
                return Either.left(written.getLeft());
            }
            moveIntoPlace(partial, absolute);
            return Either.right(new DownloadedVideo(absolute, written.get(), video));
        } catch (IOException e) {
            throw new Imagine4jException("Could not write the video of job " + video.jobId() + " to " + absolute
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(JobFailure.of(FailureKind.CANCELLED, "interrupted",
                    "The download of job " + video.jobId() + " was interrupted; " + absolute + " was not written.")
                    .withJobId(video.jobId()));
        } finally {
            deleteQuietly(partial);
        }
    }

    private Either<JobFailure, Long> transfer(GeneratedVideo video, ContentVariant variant, Path partial,
            DownloadListener listener)
            throws IOException, InterruptedException {
        JobFailure last = null;
        try (FileChannel file = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (int attempt = 0; attempt < settings.downloadAttempts(); attempt++) {
                if (attempt > 0) {
                    int retry = attempt - 1;
                    scheduler.sleep(last.retryAfter().map(r -> r.delay())
                            .getOrElse(() -> settings.downloadBackoff().delay(retry, random)));
                }
                long have = file.size();
                Either<JobFailure, VideoContent> opened = provider.openContent(video, variant, have);
                if (opened.isLeft()) {
                    last = opened.getLeft();
                    if (isFinal(last)) {
                        return Either.left(last);
                    }
                    continue;
                }
                try (VideoContent content = opened.get()) {
                    if (content.offset() != have) {
                        // The server ignored the range: start over from where it starts.
                        file.truncate(content.offset());
                    }
                    Either<JobFailure, Long> copied = copy(content, file, video, listener);
                    if (copied.isRight()) {
                        return copied;
                    }
                    last = copied.getLeft();
                    if (isFinal(last)) {
                        return Either.left(last);
                    }
                }
            }
        }
        return Either.left(last.withMessage(last.message() + " (gave up after " + settings.downloadAttempts() + " attempts)"));
    }

    private Either<JobFailure, Long> copy(VideoContent content, FileChannel file, GeneratedVideo video,
            DownloadListener listener) throws IOException {
        Option<Long> total = content.totalSize();
        if (total.exists(size -> size > settings.maxDownloadBytes())) {
            return Either.left(tooLarge(video, total.get() + " bytes"));
        }
        long position = content.offset();
        file.position(position);
        byte[] buffer = new byte[BUFFER];
        InputStream body = content.body();
        while (true) {
            int read;
            try {
                read = body.read(buffer);
            } catch (ContentTooLargeException e) {
                return Either.left(tooLarge(video, position + " bytes and more"));
            } catch (IOException e) {
                return Either.left(JobFailure.of(FailureKind.UNAVAILABLE, "download_interrupted",
                        "The download of job " + video.jobId() + " broke off after " + position + " bytes: "
                                + e.getMessage()).withJobId(video.jobId()));
            }
            if (read < 0) {
                break;
            }
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
            while (chunk.hasRemaining()) {
                file.write(chunk);
            }
            position += read;
            if (position > settings.maxDownloadBytes()) {
                return Either.left(tooLarge(video, position + " bytes and more"));
            }
            listener.onProgress(position, total);
        }
        if (total.isDefined() && position != total.get()) {
            return Either.left(JobFailure.of(FailureKind.UNAVAILABLE, "short_download",
                    "The download of job " + video.jobId() + " ended at " + position + " of " + total.get() + " bytes.")
                    .withJobId(video.jobId()));
        }
        if (position == 0) {
            return Either.left(JobFailure.of(FailureKind.PROTOCOL, "empty_download",
                    "The provider served an empty file for job " + video.jobId() + ".").withJobId(video.jobId()));
        }
        file.force(true);
        return Either.right(position);
    }

    /** Transient failures are retried, except a size refusal: the result will not shrink. */
    private static boolean isFinal(JobFailure failure) {
        return !failure.kind().isTransient() || ContentTooLargeException.CODE.equals(failure.code());
    }

    private JobFailure tooLarge(GeneratedVideo video, String size) {
        return JobFailure.of(FailureKind.PROTOCOL, ContentTooLargeException.CODE, "The video of job " + video.jobId()
                + " is " + size + ", above the limit of " + settings.maxDownloadBytes()
                + " bytes; raise ServiceSettings.maxDownloadBytes to accept it.").withJobId(video.jobId());
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Nothing to do: a stray .part file is harmless and named as such.
        }
    }
}
