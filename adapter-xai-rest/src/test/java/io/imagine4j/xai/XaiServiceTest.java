package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter under the job service, against a simulator on the real clock with short jobs. */
class XaiServiceTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(() -> XaiSimulator.start(SimulatorOptions.realTime()));

    static VideoJobs jobs(XaiSimulator sim) {
        ServiceSettings quick = ServiceSettings.defaults()
                .withPollBackoff(io.imagine4j.core.time.Backoff.of(Duration.ofMillis(20), 1.5, Duration.ofMillis(200), 0.2));
        return VideoJobService.builder(XaiVideo.builder().apiKey("k").baseUrl(sim.baseUrl()).build()).settings(quick).build();
    }

    @Test
    void an_ambiguous_submit_ends_as_submission_outcome_unknown_with_exactly_one_post() throws InterruptedException {
        XaiSimulator sim = XAI.get();
        sim.failNext(Call.SUBMIT, new Fault.ConnectionReset());
        try (VideoJobs jobs = jobs(sim)) {
            Either<JobFailure, GeneratedVideo> outcome = jobs.submit(VideoRequest.textToVideo("A fox #sim:time=100ms"))
                    .await(Duration.ofSeconds(20));
            assertThat(outcome.getLeft().kind()).isEqualTo(FailureKind.SUBMISSION_OUTCOME_UNKNOWN);
            assertThat(outcome.getLeft().message()).contains("not sent again");
        }
        assertThat(sim.journal().entries(e -> e.method().equals("POST"))).hasSize(1);
        assertThat(sim.jobs()).hasSize(1);
    }

    @Test
    void generate_edit_and_extend_end_to_end_with_downloads(@TempDir Path dir) throws InterruptedException {
        XaiSimulator sim = XAI.get();
        try (VideoJobs jobs = jobs(sim)) {
            GeneratedVideo fox = jobs.submit(VideoRequest.textToVideo("A red fox #sim:time=200ms")
                    .with(o -> o.withDurationSeconds(3))).await(Duration.ofSeconds(20)).get();
            Path foxFile = jobs.download(fox, dir.resolve("fox.mp4")).get().path();

            GeneratedVideo snowy = jobs.submit(VideoRequest.edit("Make it snow #sim:time=200ms", MediaSource.file(foxFile)))
                    .await(Duration.ofSeconds(20)).get();
            Path snowyFile = jobs.download(snowy, dir.resolve("snowy.mp4")).get().path();

            GeneratedVideo longer = jobs.submit(VideoRequest.extend("The fox jumps #sim:time=200ms", MediaSource.file(snowyFile))
                    .with(o -> o.withDurationSeconds(4))).await(Duration.ofSeconds(20)).get();
            Path longerFile = jobs.download(longer, dir.resolve("longer.mp4")).get().path();

            assertThat(Mp4Header.duration(foxFile).get()).isCloseTo(Duration.ofSeconds(3), Duration.ofMillis(100));
            assertThat(Mp4Header.duration(snowyFile).get()).isCloseTo(Duration.ofSeconds(3), Duration.ofMillis(100));
            assertThat(Mp4Header.duration(longerFile).get()).isCloseTo(Duration.ofSeconds(7), Duration.ofMillis(100));
        }
        assertThat(sim.journal().entries(e -> e.method().equals("POST"))).hasSize(3);
        assertThat(sim.credentialLeaks()).isEmpty();
    }
}
