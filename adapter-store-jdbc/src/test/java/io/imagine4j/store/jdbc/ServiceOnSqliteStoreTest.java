package io.imagine4j.store.jdbc;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.imagine4j.xai.XaiVideo;
import io.imagine4j.xai.XaiVideoProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on the SQLite store, over real HTTP to the xAI simulator: jobs recorded by one
 * service are resumed by the next from the file, and no column, nor any byte of the file, holds
 * the API key.
 */
class ServiceOnSqliteStoreTest {

    private static final String API_KEY = "xai-k3y-that-must-never-be-stored-0123456789";

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    @TempDir
    Path directory;

    @Test
    void jobs_recorded_by_one_service_are_resumed_by_the_next_and_the_api_key_is_never_stored(XaiSimulator xai)
            throws Exception {
        ServiceSettings settings = ServiceSettings.defaults().withProgressAwarePolling(false)
                .withPollBackoff(Backoff.of(Duration.ofMillis(50), 1.0, Duration.ofMillis(50), 0));
        List<VideoRequest> requests = List.of(VideoRequest.textToVideo("First fox #sim:time=4s"),
                VideoRequest.textToVideo("Second fox #sim:time=4s").with(o -> o.withDurationSeconds(5)),
                VideoRequest.textToVideo("Third fox #sim:time=4s").with(o -> o.withEndUser("user-1")));

        List<VideoJob> submitted = new ArrayList<>();
        try (XaiVideoProvider provider = provider(xai); JdbcJobStore store = JdbcJobStore.sqlite(directory);
             VideoJobService jobs = VideoJobService.builder(provider).store(store).settings(settings).build()) {
            for (VideoRequest request : requests) {
                VideoJob job = jobs.submit(request);
                assertThat(job.awaitAccepted(Duration.ofSeconds(10)).isRight()).isTrue();
                submitted.add(job);
            }
        }
        xai.advance(Duration.ofSeconds(5)); // the jobs end while no service follows them

        try (XaiVideoProvider provider = provider(xai); JdbcJobStore store = JdbcJobStore.sqlite(directory);
             VideoJobService jobs = VideoJobService.builder(provider).store(store).settings(settings).build()) {
            List<VideoJob> resumed = jobs.resume();
            assertThat(resumed).extracting(VideoJob::key).containsExactlyElementsOf(submitted.stream().map(VideoJob::key).toList());
            for (VideoJob job : resumed) {
                assertThat(job.await(Duration.ofSeconds(10)).isRight()).isTrue();
            }
            assertThat(store.unfinished()).isEmpty();
            for (int i = 0; i < requests.size(); i++) {
                JobRecord record = store.find(submitted.get(i).key()).get();
                assertThat(record.state().status()).isEqualTo(JobStatus.SUCCEEDED);
                // as checked: the capability check names the default model
                assertThat(record.request()).containsExactly(requests.get(i).with(o -> o.withModel("grok-imagine-video")));
            }
        }

        assertThat(xai.jobs()).hasSize(3);
        assertThat(everyStoredValue()).isNotEmpty().noneMatch(value -> value.contains(API_KEY));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as("%s", file)
                        .doesNotContain(API_KEY);
            }
        }
    }

    private static XaiVideoProvider provider(XaiSimulator xai) {
        return XaiVideo.builder().apiKey(API_KEY).baseUrl(xai.baseUrl()).build();
    }

    private List<String> everyStoredValue() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(JdbcJobStore.SQLITE_FILE_NAME));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM imagine4j_jobs")) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    values.add(String.valueOf(rows.getString(column)));
                }
            }
        }
        return values;
    }
}
