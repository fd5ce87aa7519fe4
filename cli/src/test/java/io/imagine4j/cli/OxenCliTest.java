package io.imagine4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The command on the Oxen hub (the simulator, over real HTTP): a job without progress, cancel, the queue. */
class OxenCliTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(() -> OxenSimulator.start(SimulatorOptions.realTime()));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CliRun oxen(String... args) {
        return new CliRun(dir.resolve("home")).withEnv("OXEN_API_KEY", "test-key")
                .withEnv("OXEN_BASE_URL", OXEN.get().baseUrl().toString()).run(args);
    }

    @Test
    void generate_runs_on_the_first_text_to_video_model_and_saves_the_video() {
        Path out = dir.resolve("owl.mp4");
        CliRun run = oxen("generate", "An owl at dusk #sim:time=300ms", "--duration", "3", "-o", out.toString());
        assertThat(run.exitCode).as(run.err()).isZero();
        assertThat(run.err()).contains("Oxen hub at " + OXEN.get().baseUrl());
        assertThat(Mp4Header.duration(out).get()).isCloseTo(Duration.ofSeconds(3), Duration.ofMillis(100));
    }

    @Test
    void cancel_ends_a_queued_job_and_the_store_records_it() throws IOException {
        String id = oxen("generate", "A slow owl #sim:slow=10m", "--no-wait").out().trim();
        assertThat(id).startsWith("oxen:");
        assertThat(oxen("list").out()).contains(id);

        CliRun cancelled = oxen("cancel", id, "--json");
        assertThat(cancelled.exitCode).as(cancelled.err()).isZero();
        assertThat(JSON.readTree(cancelled.out()).get("status").asText()).isEqualTo("cancelled");
        assertThat(OXEN.get().calls(Call.CANCEL)).isEqualTo(1);

        JsonNode stored = JSON.readTree(oxen("jobs", "--all", "--json").out()).get("jobs").get(0);
        assertThat(stored.get("job_id").asText()).isEqualTo(id);
        assertThat(stored.get("status").asText()).isEqualTo("cancelled");
        CliRun status = oxen("status", id);
        assertThat(status.exitCode).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(oxen("list", "--json").out()).doesNotContain(id);
    }

    @Test
    void the_models_and_what_they_accept() {
        CliRun run = oxen("models");
        assertThat(run.exitCode).as(run.err()).isZero();
        assertThat(run.out()).contains("xai-grok-imagine-video-edit-video").containsPattern("edit +");
    }

    @ParameterizedTest(name = "{0} exits {1}")
    @CsvSource({
        "#sim:fail, 3, PROVIDER_ERROR",
        "#sim:expire, 3, EXPIRED",
        "#sim:moderated, 4, MODERATION",
        "#sim:submit-reset, 7, SUBMISSION_OUTCOME_UNKNOWN"})
    void each_failure_has_its_exit_code_and_one_json_object(String directive, int exitCode, String kind) throws IOException {
        CliRun run = oxen("generate", "Fox #sim:time=100ms " + directive, "-o", dir.resolve("x.mp4").toString(), "--json");
        assertThat(run.exitCode).as(run.err()).isEqualTo(exitCode);
        assertThat(run.out().strip().lines()).hasSize(1);
        assertThat(JSON.readTree(run.out()).get("failure").get("kind").asText()).isEqualTo(kind);
        assertThat(dir.resolve("x.mp4")).doesNotExist();
    }

    @Test
    void no_wait_then_status_then_download_from_new_processes() throws IOException {
        String id = oxen("generate", "Fox #sim:time=300ms", "--no-wait").out().trim();
        assertThat(JSON.readTree(oxen("status", id, "--json").out()).get("job_id").asText()).isEqualTo(id);
        Path out = dir.resolve("later.mp4");
        CliRun download = oxen("download", id, "-o", out.toString());
        assertThat(download.exitCode).as(download.err()).isZero();
        assertThat(Mp4Header.duration(out).isSuccess()).isTrue();
        assertThat(oxen("status", id).out().trim()).isEqualTo("succeeded");
    }
}
