package io.imagine4j.xai;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's examples, verbatim but for the simulator standing in for api.x.ai, so they cannot rot. */
class ReadmeExamplesTest {

    @TempDir
    Path dir;

    @Test
    void the_embedding_example() throws InterruptedException {
        try (XaiSimulator sim = XaiSimulator.start(SimulatorOptions.realTime())) {
            Path fox = dir.resolve("fox.mp4");
            // --- README: embedding ---
            VideoProvider xai = XaiVideo.builder().apiKey("any").baseUrl(sim.baseUrl()).build(); // README: XaiVideo.fromEnvironment()
            try (VideoJobs jobs = VideoJobService.builder(xai).build()) {
                VideoJob job = jobs.submit(VideoRequest.textToVideo("A red fox running through snow #sim:time=300ms")
                        .with(o -> o.withDurationSeconds(6).withAspectRatio(AspectRatio.LANDSCAPE_16_9)));
                job.onEvent(event -> System.out.println(event));            // Created, Accepted, RUNNING 35 %, Finished
                job.await(Duration.ofMinutes(10))
                        .peek(video -> jobs.download(video, fox))
                        .peekLeft(failure -> System.err.println(failure.kind() + ": " + failure.message()));
            }
            // --- end ---
            assertThat(Mp4Header.duration(fox).get()).isCloseTo(Duration.ofSeconds(6), Duration.ofMillis(100));
        }
    }

    @Test
    void generate_edit_and_extend_against_the_simulator_in_under_ten_lines() throws InterruptedException {
        // --- README: simulator ---
        try (XaiSimulator sim = XaiSimulator.start(SimulatorOptions.realTime());
             VideoJobs jobs = VideoJobService.builder(XaiVideo.builder().apiKey("any").baseUrl(sim.baseUrl()).build()).build()) {
            GeneratedVideo fox = jobs.submit(VideoRequest.textToVideo("A fox #sim:time=200ms")).await(Duration.ofMinutes(1)).get();
            Path foxFile = jobs.download(fox, dir.resolve("fox.mp4")).get().path();
            GeneratedVideo snowy = jobs.submit(VideoRequest.edit("Make it snow #sim:time=200ms", MediaSource.file(foxFile)))
                    .await(Duration.ofMinutes(1)).get();
            GeneratedVideo longer = jobs.submit(VideoRequest.extend("It jumps #sim:time=200ms", MediaSource.url(snowy.location()))
                    .with(o -> o.withDurationSeconds(4))).await(Duration.ofMinutes(1)).get();
            jobs.download(longer, dir.resolve("longer.mp4"));
        }
        // --- end ---
        assertThat(Mp4Header.duration(dir.resolve("longer.mp4")).get()).isCloseTo(Duration.ofSeconds(12), Duration.ofMillis(100));
    }
}
