package io.imagine4j.examples.spring;

import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole service over real HTTP, on the xAI simulator (also over real HTTP), as it would run on xAI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VideoApplicationTest {

    private static final XaiSimulator XAI = XaiSimulator.start(SimulatorOptions.realTime());
    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");

    @TempDir
    static Path videos;

    @DynamicPropertySource
    static void onTheSimulator(DynamicPropertyRegistry registry) {
        registry.add("imagine4j.xai.api-key", () -> "xai-test-key");
        registry.add("imagine4j.xai.base-url", () -> XAI.baseUrl().toString());
        registry.add("imagine4j.polling.initial-interval", () -> "50ms");
        registry.add("example.videos-directory", () -> videos.toString());
    }

    @AfterAll
    static void stopSimulator() {
        XAI.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    VideoJobs jobs;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_video_is_submitted_reported_and_served() throws Exception {
        XAI.enqueue(Scenario.instant());
        HttpResponse<String> submitted = post("{\"prompt\":\"A red fox running through snow\",\"durationSeconds\":4}");
        assertThat(submitted.statusCode()).isEqualTo(202);
        assertThat(submitted.body()).contains("\"status\":\"QUEUED\"");
        String key = key(submitted.body());
        assertThat(submitted.headers().firstValue("Location")).contains("/videos/" + key);

        assertThat(jobs.find(new SubmissionKey(key)).get().await(Duration.ofMinutes(1)).isRight()).isTrue();
        HttpResponse<String> report = get("/videos/" + key, HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("\"status\":\"SUCCEEDED\"", "\"seconds\":4.0",
                "\"content\":\"/videos/" + key + "/content\"");

        HttpResponse<byte[]> content = get("/videos/" + key + "/content", HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(new String(content.body(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Test
    void the_configured_defaults_fill_what_the_order_leaves_out() throws Exception {
        XAI.enqueue(Scenario.instant());
        String key = key(post("{\"prompt\":\"A grey wolf\"}").body());
        jobs.find(new SubmissionKey(key)).get().await(Duration.ofMinutes(1));
        assertThat(get("/videos/" + key, HttpResponse.BodyHandlers.ofString()).body()).contains("\"seconds\":6.0");
    }

    @Test
    void a_request_the_provider_cannot_take_is_refused_naming_the_problem() throws Exception {
        HttpResponse<String> refused = post("{\"prompt\":\"A fox\",\"durationSeconds\":99}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("duration");
    }

    @Test
    void an_unknown_job_is_not_found() throws Exception {
        assertThat(get("/videos/no-such-key", HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(get("/videos/no-such-key/content", HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void the_actuator_reports_the_provider_up_and_the_job_meters() throws Exception {
        HttpResponse<String> health = get("/actuator/health/imagine4j", HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"xai\"");
        XAI.enqueue(Scenario.instant());
        String key = key(post("{\"prompt\":\"A hare\"}").body());
        jobs.find(new SubmissionKey(key)).get().await(Duration.ofMinutes(1));
        assertThat(get("/actuator/metrics/imagine4j.jobs.finished", HttpResponse.BodyHandlers.ofString()).body())
                .contains("\"outcome\"", "succeeded");
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/videos")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), body);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String key(String body) {
        Matcher matcher = KEY.matcher(body);
        assertThat(matcher.find()).as("a key in %s", body).isTrue();
        return matcher.group(1);
    }
}
