package io.imagine4j.openai;

import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.http.auth.AuthScheme;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.openai.ContentDelivery;
import io.imagine4j.testkit.openai.OpenAiSettings;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.sim.JournalEntry;
import io.imagine4j.testkit.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter under the job service, end to end, against a simulator on the real clock with short jobs. */
class OpenAiServiceTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(() -> OpenAiSimulator.start(
            SimulatorOptions.realTime(), OpenAiSettings.defaults().withPollAfter(Duration.ofMillis(50))));

    static final Duration WAIT = Duration.ofSeconds(20);

    static VideoJobs jobs(OpenAiVideoProvider provider) {
        ServiceSettings quick = ServiceSettings.defaults()
                .withPollBackoff(Backoff.of(Duration.ofMillis(20), 1.5, Duration.ofMillis(200), 0.2))
                .withDownloadBackoff(Backoff.of(Duration.ofMillis(20), 1.5, Duration.ofMillis(200), 0.2));
        return VideoJobService.builder(provider).settings(quick).build();
    }

    static OpenAiVideoProvider provider(OpenAiSimulator sim) {
        return OpenAiVideos.builder().apiKey("sk-service-key-0123456789").baseUrl(sim.baseUrl()).build();
    }

    @Test
    void submit_await_and_download_the_video_and_its_previews(@TempDir Path dir) throws InterruptedException {
        OpenAiSimulator sim = OPENAI.get();
        try (VideoJobs jobs = jobs(provider(sim))) {
            GeneratedVideo fox = jobs.submit(VideoRequest.textToVideo("A red fox #sim:time=200ms")
                    .with(o -> o.withDurationSeconds(8).withAspectRatio(AspectRatio.LANDSCAPE_16_9))).await(WAIT).get();
            Path video = jobs.download(fox, dir.resolve("fox.mp4")).get().path();
            Path thumbnail = jobs.download(fox, ContentVariant.THUMBNAIL, dir.resolve("fox.webp")).get().path();

            assertThat(Mp4Header.duration(video).get()).isEqualTo(Duration.ofSeconds(8));
            assertThat(MagicBytes.sniff(readAll(thumbnail)).get()).isEqualTo(MediaType.WEBP);
        }
        assertThat(sim.journal().entries(e -> e.method().equals("POST"))).hasSize(1);
        assertThat(sim.credentialLeaks()).isEmpty();
    }

    @Test
    void a_502_on_content_is_a_download_retry_never_a_second_create(@TempDir Path dir) throws InterruptedException {
        OpenAiSimulator sim = OPENAI.get();
        try (VideoJobs jobs = jobs(provider(sim))) {
            GeneratedVideo fox = jobs.submit(VideoRequest.textToVideo("A fox #sim:time=100ms")).await(WAIT).get();
            sim.failNext(Call.CONTENT, new Fault.ServerError(502), 1);

            Path file = jobs.download(fox, dir.resolve("fox.mp4")).get().path();

            assertThat(Mp4Header.duration(file).get()).isEqualTo(Duration.ofSeconds(4));
        }
        assertThat(sim.journal().entries(e -> e.method().equals("POST"))).hasSize(1);
        assertThat(sim.calls(Call.CONTENT)).isEqualTo(2);
    }

    @Test
    void a_cross_origin_content_redirect_is_followed_without_the_key(@TempDir Path dir) throws InterruptedException {
        try (OpenAiSimulator sim = OpenAiSimulator.start(SimulatorOptions.realTime(), OpenAiSettings.defaults()
                .withPollAfter(Duration.ofMillis(50)).withContentDelivery(ContentDelivery.REDIRECT))) {
            OpenAiVideoProvider azure = OpenAiVideos.builder().apiKey("azure-key-0123456789").baseUrl(sim.baseUrl())
                    .authScheme(AuthScheme.API_KEY_HEADER).header("X-Team", "video").build();
            try (VideoJobs jobs = jobs(azure)) {
                GeneratedVideo fox = jobs.submit(VideoRequest.textToVideo("A fox #sim:time=100ms")).await(WAIT).get();
                Path file = jobs.download(fox, dir.resolve("fox.mp4")).get().path();
                assertThat(Mp4Header.duration(file).get()).isEqualTo(Duration.ofSeconds(4));
            }
            List<JournalEntry> content = sim.journal().entries(e -> e.call() == Call.CONTENT);
            assertThat(content).hasSize(2);
            assertThat(content.get(0).path()).endsWith("/content");
            assertThat(content.get(0).headers().first("api-key").get()).isEqualTo("azure-key-0123456789");
            assertThat(content.get(0).headers().first("X-Team").get()).isEqualTo("video");
            assertThat(content.get(1).path()).startsWith("/results/");
            assertThat(content.get(1).headers().carriesCredential()).isFalse();
            assertThat(content.get(1).headers().has("X-Team")).isFalse();
            assertThat(sim.credentialLeaks()).isEmpty();
        }
    }

    @Test
    void the_providers_list_is_read_page_by_page_through_the_service() throws InterruptedException {
        OpenAiSimulator sim = OPENAI.get();
        try (VideoJobs jobs = jobs(provider(sim))) {
            for (int i = 1; i <= 5; i++) {
                jobs.submit(VideoRequest.textToVideo("Fox number " + i + " #sim:time=50ms")).await(WAIT).get();
            }
            int before = sim.journal().calls(Call.LIST);

            List<JobSummary> listed = jobs.list(JobQuery.all().withPageSize(2)).collect(Collectors.toList());

            assertThat(listed).extracting(JobSummary::prompt).extracting(p -> p.get().replace(" #sim:time=50ms", ""))
                    .containsExactly("Fox number 5", "Fox number 4", "Fox number 3", "Fox number 2", "Fox number 1");
            assertThat(listed).extracting(JobSummary::status).containsOnly(JobStatus.SUCCEEDED);
            List<JournalEntry> pages = sim.journal().entries(e -> e.call() == Call.LIST);
            assertThat(pages.size() - before).isEqualTo(3);
            assertThat(pages.get(pages.size() - 1).query()).contains("after=" + listed.get(3).jobId().value()).contains("limit=2");
            assertThat(jobs.list(JobQuery.all().withPageSize(2)).limit(2).count()).isEqualTo(2);
            assertThat(sim.journal().calls(Call.LIST) - before).as("a lazy stream reads only the pages it needs").isEqualTo(4);
        }
    }

    @Test
    void estimates_use_openais_published_prices() {
        try (VideoJobs jobs = jobs(provider(OPENAI.get()))) {
            assertThat(jobs.estimate(VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(8))).get().usd())
                    .isEqualByComparingTo(new BigDecimal("0.80"));
            assertThat(jobs.estimate(VideoRequest.textToVideo("A fox").with(o -> o.withModel("sora-2-pro")
                    .withResolution(Resolution.parse("1024p")))).get().usd()).isEqualByComparingTo(new BigDecimal("2.00"));
            assertThat(jobs.estimate(VideoRequest.textToVideo("A fox").with(o -> o.withModel("sora-2-pro")
                    .withDurationSeconds(12))).get().usd()).isEqualByComparingTo(new BigDecimal("3.60"));
        }
    }

    @Test
    void an_edit_of_an_uploaded_file_then_a_remix_of_its_result(@TempDir Path dir) throws Exception {
        OpenAiSimulator sim = OPENAI.get();
        Path clip = Files.write(dir.resolve("clip.mp4"), io.imagine4j.testkit.contract.SampleInputs.mp4());
        try (VideoJobs jobs = jobs(provider(sim))) {
            GeneratedVideo snowy = jobs.submit(VideoRequest.edit("Make it snow #sim:time=100ms", MediaSource.file(clip)))
                    .await(WAIT).get();
            GeneratedVideo night = jobs.submit(VideoRequest.remix("At night #sim:time=100ms", snowy)).await(WAIT).get();
            Path file = jobs.download(night, dir.resolve("night.mp4")).get().path();

            assertThat(Mp4Header.duration(file).get()).isCloseTo(Duration.ofSeconds(2), Duration.ofMillis(100));
            assertThat(night.details()).containsEntry("remixed_from_video_id", snowy.jobId().value());
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
