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
                                .with(o -> o.withDurationSeconds(6).withAspectRatio(AspectRatio.LANDSCAPE_16_9)),
                        event -> System.out.println(event));                       // every event, from Created on
                job.await(Duration.ofMinutes(10))                                  // waits; throws InterruptedException
                        .flatMap(video -> jobs.download(video, fox))               // README: Path.of("fox.mp4")
                        .peek(saved -> System.out.println(saved.bytes() + " bytes in " + saved.path()))
                        .peekLeft(failure -> System.err.println(failure.kind() + ": " + failure.message()));
            }
            // --- end ---
            assertThat(Mp4Header.duration(fox).get()).isCloseTo(Duration.ofSeconds(6), Duration.ofMillis(100));
        }
    }

    @Test
    void generate_edit_and_extend_against_the_simulator_in_under_ten_lines() throws InterruptedException {
        // --- generate, edit and extend on the simulator ---
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

    @Test
    void the_xai_section_references_keyframes_and_a_chained_edit() throws Exception {
        java.nio.file.Files.write(dir.resolve("model.png"), Samples.png());
        java.nio.file.Files.write(dir.resolve("start.png"), Samples.png());
        java.nio.file.Files.write(dir.resolve("middle.png"), Samples.png());
        try (XaiSimulator sim = XaiSimulator.start(SimulatorOptions.realTime())) {
            // --- README: xAI ---
            VideoProvider xai = XaiVideo.builder().apiKey("any").baseUrl(sim.baseUrl()).build(); // README: XaiVideo.fromEnvironment()
            try (VideoJobs jobs = VideoJobService.builder(xai).build()) {
                // Reference-to-video: the people and things of up to 7 images, at most 10 s and 720p.
                GeneratedVideo runway = jobs.submit(VideoRequest.textToVideo("The model from <IMAGE_1> walks the runway in the shirt from <IMAGE_2> #sim:time=100ms")
                                .with(o -> o.withDurationSeconds(6))
                                .with(XaiOptions.referenceImages(MediaSource.file(dir.resolve("model.png")), MediaSource.url("https://example.com/shirt.jpg")))
                                .with(XaiOptions.storeAs("runway.mp4", Duration.ofDays(7))))
                        .await(Duration.ofMinutes(10)).get();
                String fileId = runway.details().get("file_output.file_id");   // the copy in xAI's Files API

                // Keyframes: images pinned strictly inside the clip (at most 4), here after a first frame.
                GeneratedVideo fox = jobs.submit(VideoRequest.imageToVideo("The fox crosses the field #sim:time=100ms", MediaSource.file(dir.resolve("start.png")))
                                .with(o -> o.withDurationSeconds(6))
                                .with(XaiOptions.keyframe(Duration.ofSeconds(3), MediaSource.file(dir.resolve("middle.png")))))
                        .await(Duration.ofMinutes(10)).get();

                // A chained edit: the result's URL is sent while it is valid (about 24 h), else its bytes.
                GeneratedVideo snowy = jobs.submit(VideoRequest.edit("Make it snow #sim:time=100ms", MediaSource.of(fox)))
                        .await(Duration.ofMinutes(10)).get();
                jobs.download(snowy, dir.resolve("snowy.mp4"));
                // --- end ---
                assertThat(fileId).isEqualTo("file-" + runway.jobId().value());
            }
            // The edit was sent the fox's URL, not its bytes.
            assertThat(sim.jobs().get(2).params().inputUrl()).contains(sim.rootUrl() + "/results/xai-video-" + sim.jobs().get(1).id() + ".mp4");
        }
        assertThat(Mp4Header.duration(dir.resolve("snowy.mp4")).get()).isCloseTo(Duration.ofSeconds(6), Duration.ofMillis(100));
    }
}
