package io.imagine4j.oxen;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's examples (this module's and the section for the root README), verbatim but for the
 * simulator standing in for hub.oxen.ai (on the real clock, with short jobs), so they cannot rot.
 */
class ReadmeExamplesTest {

    @TempDir
    Path dir;

    @Test
    void the_embedding_example() throws Exception {
        Files.write(dir.resolve("clip.mp4"), SampleMp4.of(Duration.ofSeconds(3)));
        Path clip = dir.resolve("clip.mp4");
        Path snow = dir.resolve("snow.mp4");
        try (OxenSimulator sim = OxenSimulator.start(SimulatorOptions.realTime())) {
            // --- README: embedding ---
            OxenVideoProvider oxen = OxenHub.builder().apiKey("any").baseUrl(sim.baseUrl())   // README: OxenHub.fromEnvironment()
                    .uploadsTo(OxenRepository.of("me", "inputs")).build();
            try (VideoJobs jobs = VideoJobService.builder(oxen).build()) {   // subscribes to /events before any enqueue
                VideoJob job = jobs.submit(VideoRequest.edit("Make it snow #sim:time=200ms", MediaSource.file(clip)));
                job.await(Duration.ofMinutes(15))
                        .peek(video -> jobs.download(video, snow))
                        .peekLeft(failure -> System.err.println(failure.kind() + ": " + failure.message()));
            }
            // --- end ---
        }
        assertThat(Mp4Header.duration(snow).get()).isCloseTo(Duration.ofSeconds(3), Duration.ofMillis(100));
    }

    @Test
    void the_root_readme_section() throws Exception {
        try (OxenSimulator sim = OxenSimulator.start(SimulatorOptions.realTime())) {
            // --- root README: Oxen ---
            OxenVideoProvider oxen = OxenHub.builder().apiKey("any").baseUrl(sim.baseUrl()) // README: OxenHub.fromEnvironment()
                    .resultsDirectory(dir).build();
            try (VideoJobs jobs = VideoJobService.builder(oxen).build()) {
                VideoJob first = jobs.submit(VideoRequest.textToVideo("A red fox in fresh snow #sim:time=200ms")
                        .with(o -> o.withDurationSeconds(6).withGenerations(4).withSeed(7)));     // one enqueue, four jobs
                List<Either<JobFailure, GeneratedVideo>> all = first.awaitAll(Duration.ofMinutes(15));

                GeneratedVideo quick = jobs.submit(VideoRequest.textToVideo("A fox yawns #sim:time=200ms")
                        .with(OxenExtras.synchronousInline())).await(Duration.ofMinutes(16)).get(); // blocks; a local file

                jobs.models().peek(models -> models.forEach(m -> System.out.println(m.id() + " " + m.kinds())));
                // --- end ---
                assertThat(all).hasSize(4).allMatch(Either::isRight);
                assertThat(quick.location().getScheme()).isEqualTo("file");
                assertThat(sim.calls(io.imagine4j.testkit.scenario.Call.SUBMIT)).isEqualTo(2);
            }
        }
    }
}
