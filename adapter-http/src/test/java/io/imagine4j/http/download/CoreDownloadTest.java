package io.imagine4j.http.download;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.port.in.DownloadedVideo;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.support.LoopbackServer;
import io.imagine4j.http.support.RangeFile;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The downloader behind the core's download loop: a transfer cut mid-body resumes with a range. */
class CoreDownloadTest {

    private static final byte[] VIDEO = RangeFile.bytes(200_000);

    @Test
    void a_download_cut_in_the_middle_resumes_where_it_stopped(@TempDir Path directory) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (LoopbackServer cdn = LoopbackServer.start()) {
            cdn.on("/v.mp4", (request, exchange) -> {
                if (calls.incrementAndGet() == 1) {
                    exchange.sendResponseHeaders(200, VIDEO.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(VIDEO, 0, 80_000);
                    out.flush();
                    exchange.close(); // fewer bytes than announced: the connection is dropped
                } else {
                    RangeFile.serving(VIDEO).answer(request, exchange);
                }
            });
            ResultDownloader downloads = ResultDownloader.create(DownloadSettings.defaults(), ErrorClassifier.forProvider("test"));
            try (VideoJobService jobs = VideoJobService.builder(new DownloadOnly(downloads))
                    .scheduler(VirtualScheduler.create()).build()) {

                Either<JobFailure, DownloadedVideo> saved = jobs.download(
                        GeneratedVideo.at(JobId.of("test", "job-1"), cdn.url("/v.mp4")), directory.resolve("out.mp4"));

                assertThat(saved.get().bytes()).isEqualTo(VIDEO.length);
                assertThat(Files.readAllBytes(directory.resolve("out.mp4"))).isEqualTo(VIDEO);
                assertThat(cdn.received("/v.mp4")).hasSize(2);
                assertThat(cdn.received("/v.mp4").get(1).header("Range")).startsWith("bytes=").isNotEqualTo("bytes=0-");
            }
        }
    }

    /** A provider that can only open content, through the downloader. */
    private record DownloadOnly(ResultDownloader downloads) implements VideoProvider {
        @Override
        public ProviderCapabilities capabilities() {
            return ProviderCapabilities.builder("test").model(ModelCapabilities.named("m")).build();
        }

        @Override
        public SubmitOutcome submit(Submission submission) {
            throw new AssertionError("this test only downloads");
        }

        @Override
        public Either<JobFailure, JobUpdate> poll(JobId jobId) {
            throw new AssertionError("this test only downloads");
        }

        @Override
        public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
            return downloads.open(video.location(), offset);
        }
    }
}
