package io.imagine4j.openai;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.http.auth.AuthScheme;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.openai.OpenAiSettings;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's examples, run against the simulator (its base URL in place of OpenAI's). */
class ReadmeExamplesTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(() -> OpenAiSimulator.start(
            SimulatorOptions.realTime(), OpenAiSettings.defaults().withPollAfter(Duration.ofMillis(50))));

    @Test
    void the_first_example(@TempDir Path dir) throws InterruptedException {
        Map<String, String> environment = Map.of("OPENAI_API_KEY", "sk-readme", "OPENAI_BASE_URL", OPENAI.get().baseUrl().toString());
        VideoProvider openai = OpenAiVideos.builder().fromEnvironment(environment::get).build();
        try (VideoJobs jobs = VideoJobService.builder(openai).build()) {
            GeneratedVideo fox = jobs.submit(VideoRequest.textToVideo("A red fox running through snow #sim:time=100ms")
                    .with(o -> o.withAspectRatio(AspectRatio.LANDSCAPE_16_9).withDurationSeconds(8)))
                .await(Duration.ofMinutes(10)).get();
            jobs.download(fox, dir.resolve("fox.mp4"));
            jobs.download(fox, ContentVariant.THUMBNAIL, dir.resolve("fox.webp"));
            GeneratedVideo night = jobs.submit(VideoRequest.remix("The same fox at night #sim:time=100ms", fox))
                    .await(Duration.ofMinutes(10)).get();
            assertThat(jobs.list(JobQuery.all()).limit(50).count()).isEqualTo(2);
            assertThat(jobs.delete(fox.jobId()).get()).isEqualTo(fox.jobId());
            assertThat(night.details()).containsEntry("size", "1280x720");
        }
        assertThat(Files.exists(dir.resolve("fox.mp4"))).isTrue();
        assertThat(Files.exists(dir.resolve("fox.webp"))).isTrue();
    }

    @Test
    void the_configuration_example() {
        VideoProvider azure = OpenAiVideos.builder()
                .apiKey("key").baseUrl("https://my-resource.openai.azure.com/openai/v1")
                .authScheme(AuthScheme.API_KEY_HEADER)
                .header("OpenAI-Project", "proj_123")
                .name("azure")
                .otherModels(OpenAiModels.sora2())
                .model(OpenAiModels.withDurations(OpenAiModels.sora2().renamed("house-model"), 4, 8, 16))
                .build();

        assertThat(azure.name()).isEqualTo("azure");
        assertThat(azure.capabilities().modelNames()).contains("house-model");
    }
}
