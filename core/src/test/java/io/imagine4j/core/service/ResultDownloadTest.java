package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.Imagine4jException;
import io.imagine4j.core.port.in.DownloadedVideo;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.time.VirtualScheduler;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Downloads land whole or not at all, resume where they broke off, and leave no debris. */
class ResultDownloadTest {

    final VirtualScheduler time = VirtualScheduler.create();
    final ScriptedProvider provider = new ScriptedProvider(time);
    final GeneratedVideo video = GeneratedVideo.at(JobId.of("scripted", "job-1"), URI.create("https://r.example/v.mp4"));
    VideoJobService jobs;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        jobs = VideoJobService.builder(provider).scheduler(time).settings(VideoJobServiceTest.exact()).build();
    }

    @AfterEach
    void close() {
        jobs.close();
    }

    @Test
    void streams_the_whole_video_to_the_target_and_reports_progress() throws IOException {
        List<Long> progress = new ArrayList<>();
        Path target = dir.resolve("videos/fox.mp4");
        DownloadedVideo saved = jobs.download(video, target, (bytes, total) -> {
            assertThat(total).contains((long) provider.content.length);
            progress.add(bytes);
        }).get();
        assertThat(saved.path()).isEqualTo(target.toAbsolutePath());
        assertThat(saved.bytes()).isEqualTo(provider.content.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(provider.content);
        assertThat(progress).isSorted().last().isEqualTo((long) provider.content.length);
        assertThat(leftovers(target.getParent())).isEmpty();
    }

    @Test
    void a_transfer_that_breaks_off_resumes_from_where_it_stopped() throws IOException {
        provider.thenContent(offset -> Either.right(provider.breakingAfter(offset, 3_000)))
                .thenContent(offset -> Either.right(provider.breakingAfter(offset, 4_000)));
        Path target = dir.resolve("fox.mp4");
        assertThat(jobs.download(video, target).isRight()).isTrue();
        assertThat(provider.contentOffsets()).containsExactly(0L, 3_000L, 7_000L);
        assertThat(Files.readAllBytes(target)).isEqualTo(provider.content);
        assertThat(time.now()).isEqualTo(VirtualScheduler.EPOCH.plusMillis(500 + 1_000));
    }

    @Test
    void a_server_that_ignores_the_range_starts_the_file_over() throws IOException {
        provider.thenContent(offset -> Either.right(provider.breakingAfter(offset, 5_000)))
                .thenContent(offset -> Either.right(provider.servedFrom(0)));
        Path target = dir.resolve("fox.mp4");
        assertThat(jobs.download(video, target).isRight()).isTrue();
        assertThat(Files.readAllBytes(target)).isEqualTo(provider.content);
    }

    @Test
    void an_expired_result_fails_at_once_and_leaves_an_existing_target_untouched() throws IOException {
        Path target = dir.resolve("fox.mp4");
        Files.writeString(target, "the previous video");
        provider.thenContent(offset -> Either.left(JobFailure.of(FailureKind.EXPIRED, "http_403", "link expired")));
        JobFailure failure = jobs.download(video, target).getLeft();
        assertThat(failure.kind()).isEqualTo(FailureKind.EXPIRED);
        assertThat(failure.jobId()).contains(video.jobId());
        assertThat(provider.contentOffsets()).hasSize(1);
        assertThat(Files.readString(target)).isEqualTo("the previous video");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void a_body_shorter_than_announced_is_never_moved_into_place() {
        for (int i = 0; i < 4; i++) {
            provider.thenContent(offset -> Either.right(new VideoContent(
                    new ByteArrayInputStream(new byte[0]), offset, Option.some(1_000_000L))));
        }
        Path target = dir.resolve("fox.mp4");
        JobFailure failure = jobs.download(video, target).getLeft();
        assertThat(failure.code()).isEqualTo("short_download");
        assertThat(failure.message()).contains("gave up after 4 attempts");
        assertThat(target).doesNotExist();
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void a_result_above_the_size_limit_is_refused() {
        ServiceSettings d = VideoJobServiceTest.exact();
        jobs.close();
        jobs = VideoJobService.builder(provider).scheduler(time).settings(d.withMaxDownloadBytes(1_000)).build();
        JobFailure failure = jobs.download(video, dir.resolve("fox.mp4")).getLeft();
        assertThat(failure.code()).isEqualTo("too_large");
        assertThat(failure.message()).contains("maxDownloadBytes");
        assertThat(provider.contentOffsets()).as("a size refusal is final").hasSize(1);
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void a_stream_cut_at_the_adapters_size_limit_is_not_retried() {
        provider.thenContent(offset -> Either.right(new VideoContent(new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new io.imagine4j.core.port.out.ContentTooLargeException("over the adapter's limit");
            }
        }, offset, Option.none())));
        JobFailure failure = jobs.download(video, dir.resolve("fox.mp4")).getLeft();
        assertThat(failure.code()).isEqualTo("too_large");
        assertThat(provider.contentOffsets()).hasSize(1);
    }

    @Test
    void an_adapter_refusing_the_size_up_front_is_not_retried() {
        provider.thenContent(offset -> Either.left(JobFailure.of(FailureKind.PROTOCOL, "too_large", "too big")));
        assertThat(jobs.download(video, dir.resolve("fox.mp4")).getLeft().code()).isEqualTo("too_large");
        assertThat(provider.contentOffsets()).hasSize(1);
    }

    @Test
    void a_target_that_cannot_be_written_is_an_exception_naming_the_path() throws IOException {
        Path blocked = dir.resolve("file");
        Files.writeString(blocked, "x");
        assertThatThrownBy(() -> jobs.download(video, blocked.resolve("fox.mp4")))
                .isInstanceOf(Imagine4jException.class).hasMessageContaining(blocked.toString());
    }

    private static List<Path> leftovers(Path directory) {
        try (var files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
