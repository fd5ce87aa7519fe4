package io.imagine4j.store.jdbc;

import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.imagine4j.xai.XaiVideo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's examples, as written there (the provider points at the simulator instead of api.x.ai). */
class ReadmeExamplesTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(() -> XaiSimulator.start(SimulatorOptions.realTime()));

    @TempDir
    Path dir;

    @Test
    void the_sqlite_example_runs_a_job_and_prunes_it(XaiSimulator xai) throws Exception {
        VideoProvider provider = XaiVideo.builder().apiKey("any").baseUrl(xai.baseUrl()).build();
        try (JdbcJobStore store = JdbcJobStore.sqlite(dir);
             VideoJobService jobs = VideoJobService.builder(provider).store(store)
                     .settings(ServiceSettings.defaults()
                             .withLeaseDuration(Duration.ofSeconds(30))
                             .withTakeoverEvery(Duration.ofSeconds(10)))
                     .build()) {
            jobs.resume();
            VideoJob job = jobs.submit(VideoRequest.textToVideo("A red fox running through snow #sim:instant"));
            assertThat(job.await(Duration.ofSeconds(30)).isRight()).isTrue();

            int deleted = store.prune(Instant.now().plus(Duration.ofDays(1)));
            assertThat(deleted).isOne();
        }
    }

    @Test
    void the_postgresql_example_shares_a_store_between_instances(XaiSimulator xai) throws Exception {
        VideoProvider provider = XaiVideo.builder().apiKey("any").baseUrl(xai.baseUrl()).build();
        String hostName = "test-host";
        try (JdbcJobStore store = JdbcJobStore.connect(PostgresServer.jdbcUrl(), PostgresServer.USER, "");
             VideoJobService jobs = VideoJobService.builder(provider).store(store)
                     .instance("worker-" + hostName)
                     .settings(ServiceSettings.defaults().withTakeoverEvery(Duration.ofSeconds(30)))
                     .build()) {
            VideoJob job = jobs.submit(VideoRequest.textToVideo("A fox, shared #sim:instant"));
            assertThat(job.await(Duration.ofSeconds(30)).isRight()).isTrue();
            assertThat(store.find(job.key()).get().isFinished()).isTrue();
        }
    }
}
