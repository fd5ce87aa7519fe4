package io.imagine4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The command on an OpenAI-compatible server (the simulator, over real HTTP), chosen by OPENAI_API_KEY alone. */
class OpenAiCliTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(
            () -> OpenAiSimulator.start(SimulatorOptions.realTime()));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CliRun openai(String... args) {
        return new CliRun(dir.resolve("home")).withEnv("OPENAI_API_KEY", "test-key")
                .withEnv("OPENAI_BASE_URL", OPENAI.get().baseUrl().toString()).run(args);
    }

    @Test
    void generate_remix_and_the_thumbnail_of_a_result() throws IOException {
        Path sea = dir.resolve("sea.mp4");
        CliRun generated = openai("generate", "A calm sea #sim:time=200ms", "--duration", "4", "-o", sea.toString(), "--json");
        assertThat(generated.exitCode).as(generated.err()).isZero();
        JsonNode report = JSON.readTree(generated.out());
        String id = report.get("job_id").asText();
        assertThat(id).startsWith("openai:video_");
        assertThat(report.get("provider").asText()).isEqualTo("openai");
        assertThat(Mp4Header.duration(sea).get()).isCloseTo(Duration.ofSeconds(4), Duration.ofMillis(100));

        Path storm = dir.resolve("storm.mp4");
        CliRun remixed = openai("remix", "Now a storm #sim:time=200ms", "--from", id, "-o", storm.toString());
        assertThat(remixed.exitCode).as(remixed.err()).isZero();
        assertThat(Mp4Header.duration(storm).get()).isCloseTo(Duration.ofSeconds(4), Duration.ofMillis(100));

        Path thumbnail = dir.resolve("sea.webp");
        CliRun preview = openai("download", id, "--variant", "thumbnail", "-o", thumbnail.toString());
        assertThat(preview.exitCode).as(preview.err()).isZero();
        assertThat(new String(Files.readAllBytes(thumbnail), 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        assertThat(OPENAI.get().calls(Call.SUBMIT)).isEqualTo(2);
    }

    @Test
    void list_shows_the_servers_jobs_and_delete_removes_one() throws IOException {
        CliRun finished = openai("generate", "One #sim:time=100ms", "-o", dir.resolve("one.mp4").toString(), "--json");
        String first = JSON.readTree(finished.out()).get("job_id").asText();
        String second = openai("generate", "Two #sim:slow=10m", "--no-wait").out().trim();
        CliRun refused = openai("delete", second);
        assertThat(refused.exitCode).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(refused.err()).contains("only completed or failed videos can be deleted");
        CliRun listed = openai("list");
        assertThat(listed.exitCode).as(listed.err()).isZero();
        assertThat(listed.out()).contains(first).contains(second).contains("One").contains("Two");

        CliRun deleted = openai("delete", first, "--json");
        assertThat(deleted.exitCode).as(deleted.err()).isZero();
        assertThat(JSON.readTree(deleted.out()).get("deleted").asBoolean()).isTrue();
        JsonNode after = JSON.readTree(openai("list", "--json").out());
        assertThat(after.get("jobs").findValuesAsText("job_id")).contains(second).doesNotContain(first);
    }

    @Test
    void models_and_the_provider_is_chosen_by_its_key() throws IOException {
        CliRun models = openai("models", "--json");
        assertThat(models.exitCode).as(models.err()).isZero();
        assertThat(JSON.readTree(models.out()).get("models").findValuesAsText("id")).contains("sora-2");
        CliRun status = openai("status", openai("generate", "Fox #sim:time=100ms", "--no-wait").out().trim(), "--json");
        assertThat(JSON.readTree(status.out()).get("provider").asText()).isEqualTo("openai");
    }

    @ParameterizedTest(name = "{0} exits {1}")
    @CsvSource({
        "#sim:fail, 3, PROVIDER_ERROR",
        "#sim:expire, 3, EXPIRED",
        "#sim:moderated, 4, MODERATION",
        "#sim:submit-reset, 7, SUBMISSION_OUTCOME_UNKNOWN"})
    void each_failure_has_its_exit_code_and_one_json_object(String directive, int exitCode, String kind) throws IOException {
        CliRun run = openai("generate", "Fox #sim:time=100ms " + directive, "-o", dir.resolve("x.mp4").toString(), "--json");
        assertThat(run.exitCode).as(run.err()).isEqualTo(exitCode);
        assertThat(run.out().strip().lines()).hasSize(1);
        assertThat(JSON.readTree(run.out()).get("failure").get("kind").asText()).isEqualTo(kind);
        assertThat(dir.resolve("x.mp4")).doesNotExist();
    }

    @Test
    void no_wait_then_status_then_download_from_new_processes() throws IOException {
        String id = openai("generate", "Fox #sim:time=300ms", "--no-wait").out().trim();
        assertThat(JSON.readTree(openai("status", id, "--json").out()).get("job_id").asText()).isEqualTo(id);
        Path out = dir.resolve("later.mp4");
        CliRun download = openai("download", id, "-o", out.toString());
        assertThat(download.exitCode).as(download.err()).isZero();
        assertThat(Mp4Header.duration(out).isSuccess()).isTrue();
        assertThat(openai("status", id).out().trim()).isEqualTo("succeeded");
    }
}
