package io.imagine4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.ApiKeys;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command end to end against the xAI simulator over real HTTP; every run is a fresh "process". */
class CliTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(() -> XaiSimulator.start(SimulatorOptions.realTime()));

    @TempDir
    Path dir;

    /** A run against the test's simulator, as a user with an xAI key and XAI_BASE_URL would make it. */
    CliRun xai(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        return new CliRun().withEnv("XAI_API_KEY", "test-key").withEnv("XAI_BASE_URL", XAI.get().baseUrl().toString())
                .run(all.toArray(String[]::new));
    }

    int posts() {
        return XAI.get().calls(Call.SUBMIT);
    }

    Path clip(String name, Duration length) throws IOException {
        return Files.write(dir.resolve(name), SampleMp4.of(length));
    }

    @Nested
    class Success {
        @Test
        void generate_saves_a_playable_mp4_of_the_requested_length_and_prints_its_path() {
            Path out = dir.resolve("fox.mp4");
            CliRun run = xai("generate", "A red fox running through snow #sim:time=200ms", "--duration", "3", "-o", out.toString());
            assertThat(run.exitCode).as(run.err()).isZero();
            assertThat(Mp4Header.duration(out).get()).isCloseTo(Duration.ofSeconds(3), Duration.ofMillis(100));
            assertThat(run.out().trim()).isEqualTo(out.toAbsolutePath().toString());
            assertThat(run.err()).contains("Saved " + out.toAbsolutePath()).contains("cost $0.15");
        }

        @Test
        void edit_and_extend_take_local_videos() throws IOException {
            Path input = clip("in.mp4", Duration.ofSeconds(4));
            Path edited = dir.resolve("edited.mp4");
            Path extended = dir.resolve("extended.mp4");
            assertThat(xai("edit", "Make it snow #sim:time=200ms", "--video", input.toString(), "-o", edited.toString()).exitCode)
                    .isZero();
            assertThat(xai("extend", "--prompt", "The fox jumps #sim:time=200ms", "--video", edited.toString(),
                    "--duration", "5", "-o", extended.toString()).exitCode).isZero();
            assertThat(Mp4Header.duration(edited).get()).isCloseTo(Duration.ofSeconds(4), Duration.ofMillis(100));
            assertThat(Mp4Header.duration(extended).get()).isCloseTo(Duration.ofSeconds(9), Duration.ofMillis(100));
        }

        @Test
        void json_prints_one_object_with_the_documented_shape_and_nothing_else_on_stdout() throws IOException {
            Path out = dir.resolve("fox.mp4");
            CliRun run = xai("generate", "Fox #sim:time=200ms", "--duration", "2", "-o", out.toString(), "--json");
            assertThat(run.exitCode).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("job_id").asText()).startsWith("xai:");
            assertThat(json.get("provider").asText()).isEqualTo("xai");
            assertThat(json.get("status").asText()).isEqualTo("succeeded");
            assertThat(json.get("video").get("path").asText()).isEqualTo(out.toAbsolutePath().toString());
            assertThat(json.get("video").get("url").asText()).startsWith(XAI.get().rootUrl().toString());
            assertThat(json.get("video").get("duration_s").asDouble()).isEqualTo(2.0);
            assertThat(json.get("video").get("bytes").asLong()).isEqualTo(Files.size(out));
            assertThat(json.get("failure").isNull()).isTrue();
            assertThat(json.get("cost_usd").decimalValue()).isEqualByComparingTo("0.10");
            assertThat(run.out().strip().lines()).hasSize(1);
            assertThat(run.err()).isEmpty();
        }

        @Test
        void no_wait_then_status_then_download_work_from_new_processes() {
            CliRun submitted = xai("generate", "Fox #sim:time=300ms", "--no-wait");
            assertThat(submitted.exitCode).isZero();
            String id = submitted.out().trim();
            assertThat(id).startsWith("xai:");

            CliRun status = xai("status", id, "--json");
            assertThat(status.exitCode).isZero();
            assertThat(status.out()).contains("\"job_id\":\"" + id + "\"");

            Path out = dir.resolve("later.mp4");
            CliRun download = xai("download", id, "-o", out.toString());
            assertThat(download.exitCode).as(download.err()).isZero();
            assertThat(Mp4Header.duration(out).isSuccess()).isTrue();
            assertThat(xai("status", id).out().trim()).isEqualTo("succeeded");
            assertThat(posts()).isEqualTo(1);
        }

        @Test
        void without_any_key_the_embedded_simulator_runs_the_whole_stack_and_says_so() {
            Path out = dir.resolve("fox.mp4");
            CliRun run = new CliRun().run("generate", "A red fox #sim:time=100ms", "--duration", "1", "-o", out.toString());
            assertThat(run.exitCode).as(run.err()).isZero();
            assertThat(run.err()).contains("No XAI_API_KEY set: running on the embedded xAI simulator");
            assertThat(Mp4Header.duration(out).get()).isCloseTo(Duration.ofSeconds(1), Duration.ofMillis(100));
        }

        @Test
        void on_a_terminal_a_live_status_line_is_drawn_in_place() {
            CliRun run = new CliRun().withEnv("XAI_API_KEY", "k").withEnv("XAI_BASE_URL", XAI.get().baseUrl().toString());
            run.interactive = true;
            run.run("generate", "Fox #sim:time=600ms", "-o", dir.resolve("f.mp4").toString());
            assertThat(run.exitCode).isZero();
            assertThat(run.err()).contains("\r").containsPattern("running \\d+% · \\d+s").contains("Downloading");
        }
    }

    @Nested
    class Failures {
        @ParameterizedTest(name = "{0} exits {1}")
        @CsvSource({
            "#sim:fail, 3",
            "#sim:expire, 3",
            "#sim:moderated, 4",
            "#sim:moderated=flag, 4",
            "#sim:submit-reset, 7"})
        void each_outcome_has_its_exit_code(String directive, int exitCode) {
            CliRun run = xai("generate", "Fox #sim:time=100ms " + directive, "-o", dir.resolve("x.mp4").toString(), "--json");
            assertThat(run.exitCode).as(run.err()).isEqualTo(exitCode);
            assertThat(run.out()).contains("\"failure\":{\"kind\":");
            assertThat(dir.resolve("x.mp4")).doesNotExist();
        }

        @Test
        void an_outcome_unknown_is_not_sent_again() {
            CliRun run = xai("generate", "Fox #sim:submit-reset", "-o", dir.resolve("x.mp4").toString());
            assertThat(run.exitCode).isEqualTo(ExitCodes.OUTCOME_UNKNOWN);
            assertThat(run.err()).contains("not sent again");
            assertThat(posts()).isEqualTo(1);
        }

        @Test
        void a_timeout_prints_the_id_of_the_job_that_keeps_running() {
            CliRun run = xai("generate", "Fox #sim:slow=10m", "--timeout", "1s");
            assertThat(run.exitCode).isEqualTo(ExitCodes.TIMED_OUT);
            assertThat(run.err()).containsPattern("job xai:[0-9a-f-]+ is still running; check it later with: imagine4j status xai:");
        }

        @Test
        void a_refused_key_exits_6_and_never_prints_it() {
            try (XaiSimulator strict = XaiSimulator.start(SimulatorOptions.realTime().withKeys(ApiKeys.exactly("right")))) {
                CliRun run = new CliRun().withEnv("MY_KEY", "wrong-secret-key").run("generate", "Fox", "--provider", "xai",
                        "--api-key-env", "MY_KEY", "--base-url", strict.baseUrl().toString());
                assertThat(run.exitCode).isEqualTo(ExitCodes.AUTHENTICATION);
                assertThat(run.err() + run.out()).doesNotContain("wrong-secret-key");
            }
        }

        @Test
        void ctrl_c_while_waiting_exits_130() throws InterruptedException {
            CliRun run = new CliRun().withEnv("XAI_API_KEY", "k").withEnv("XAI_BASE_URL", XAI.get().baseUrl().toString());
            Thread runner = new Thread(() -> run.run("generate", "Fox #sim:slow=10m"));
            runner.start();
            while (posts() == 0 || XAI.get().calls(Call.POLL) == 0) {
                Thread.onSpinWait();
            }
            runner.interrupt();
            runner.join(10_000);
            assertThat(run.exitCode).isEqualTo(ExitCodes.INTERRUPTED);
        }
    }

    @Nested
    class BadInput {
        @Test
        void a_missing_file_names_the_field_and_submits_nothing() {
            CliRun run = xai("edit", "Snow", "--video", dir.resolve("nope.mp4").toString());
            assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("video: " + dir.resolve("nope.mp4") + " does not exist");
            assertThat(posts()).isZero();
        }

        @Test
        void a_non_mp4_video_is_named_by_its_real_type() throws IOException {
            Path png = Files.write(dir.resolve("clip.mp4"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0});
            CliRun run = xai("edit", "Snow", "--video", png.toString());
            assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("is image/png, not accepted for edit").contains("(allowed: video/mp4)");
            assertThat(posts()).isZero();
        }

        @Test
        void a_too_long_edit_input_says_how_long_it_is_and_what_is_allowed() throws IOException {
            CliRun run = xai("edit", "Snow", "--video", clip("long.mp4", Duration.ofSeconds(9)).toString());
            assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("is 9 s long").contains("(allowed: at most 8.7 s)");
            assertThat(posts()).isZero();
        }

        @Test
        void an_unknown_aspect_ratio_lists_the_allowed_ones() {
            CliRun run = xai("generate", "Fox", "--aspect-ratio", "5:4");
            assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("aspectRatio: 5:4 is not accepted").contains("16:9");
            assertThat(xai("generate", "Fox", "--aspect-ratio", "wide").err()).contains("--aspect-ratio: An aspect ratio is written W:H");
            assertThat(posts()).isZero();
        }

        @Test
        void a_duration_out_of_range_gives_the_range() {
            CliRun run = xai("generate", "Fox", "--duration", "20");
            assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("duration: 20 s is not accepted for text-to-video on grok-imagine-video (allowed: 1–15 s)");
            assertThat(posts()).isZero();
        }

        @Test
        void an_empty_prompt_is_refused() {
            CliRun run = xai("generate");
            assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("prompt: (empty) is not enough");
            assertThat(posts()).isZero();
        }

        @Test
        void usage_errors_exit_2_with_a_pointer_to_help() {
            assertThat(xai("generate", "Fox", "--bogus").exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(xai("edit", "Fox").err()).contains("Missing required option: '--video=PATH|URL'");
            assertThat(xai("generate", "Fox", "--provider", "sora").err()).contains("--provider: 'sora' is not a provider; use one of xai, simulator");
            assertThat(new CliRun().run("generate", "Fox", "--provider", "xai").err()).contains("XAI_API_KEY is not set");
            assertThat(xai("status", "not an id:").exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(posts()).isZero();
        }

        @Test
        void help_lists_the_exit_codes() {
            CliRun run = new CliRun().run("--help");
            assertThat(run.exitCode).isZero();
            assertThat(run.out()).contains("generate").contains("edit").contains("extend").contains("status").contains("download")
                    .contains("simulator").contains("7    submission outcome unknown");
        }
    }
}
