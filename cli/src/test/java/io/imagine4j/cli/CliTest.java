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
        return new CliRun(home()).withEnv("XAI_API_KEY", "test-key").withEnv("XAI_BASE_URL", XAI.get().baseUrl().toString())
                .run(all.toArray(String[]::new));
    }

    Path home() {
        return dir.resolve("home");
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
            CliRun run = new CliRun(home()).run("generate", "A red fox #sim:time=100ms", "--duration", "1", "-o", out.toString());
            assertThat(run.exitCode).as(run.err()).isZero();
            assertThat(run.err()).contains("No API key set (XAI_API_KEY, OPENAI_API_KEY, OXEN_API_KEY): running on the embedded"
                    + " xAI simulator");
            assertThat(Mp4Header.duration(out).get()).isCloseTo(Duration.ofSeconds(1), Duration.ofMillis(100));
        }

        @Test
        void on_a_terminal_progress_bars_show_status_percent_elapsed_and_time_left_then_the_download() {
            CliRun run = new CliRun(home()).withEnv("XAI_API_KEY", "k").withEnv("XAI_BASE_URL", XAI.get().baseUrl().toString())
                    .withEnv("COLUMNS", "120");
            run.interactive = true;
            run.run("generate", "Fox #sim:time=600ms", "-o", dir.resolve("f.mp4").toString());
            assertThat(run.exitCode).as(run.err()).isZero();
            assertThat(run.err()).contains("\r")
                    .containsPattern("xai:[0-9a-f-]+… +\\d+% \\|[^|]*\\| +\\d+/100 \\(\\d:\\d\\d:\\d\\d / \\d:\\d\\d:\\d\\d\\) running")
                    .containsPattern("Saving 100% \\|[^|]*\\| \\d+/\\d+ KB");
            assertThat(run.out().trim()).isEqualTo(dir.resolve("f.mp4").toAbsolutePath().toString());
        }

        @Test
        void elsewhere_progress_is_plain_lines_and_quiet_shows_nothing() {
            CliRun lines = xai("generate", "Fox #sim:time=400ms", "-o", dir.resolve("f.mp4").toString());
            assertThat(lines.err()).doesNotContain("\r").containsPattern("(?m)^Job xai:\\S+ is running \\d+% · \\d+s$")
                    .containsPattern("(?m)^Job xai:\\S+ is succeeded · \\d+s$").contains("Downloading to ");
            CliRun quiet = xai("generate", "Fox #sim:time=100ms", "-o", dir.resolve("g.mp4").toString(), "--quiet");
            assertThat(quiet.exitCode).isZero();
            assertThat(quiet.err()).isEmpty();
        }

        @Test
        void a_chained_edit_takes_the_previous_result_from_the_store() throws IOException {
            Path fox = dir.resolve("fox.mp4");
            CliRun generated = xai("generate", "Fox #sim:time=200ms", "--duration", "4", "-o", fox.toString(), "--json");
            String id = new ObjectMapper().readTree(generated.out()).get("job_id").asText();
            Path snow = dir.resolve("snow.mp4");
            CliRun edited = xai("edit", "Make it snow #sim:time=200ms", "--from", id, "-o", snow.toString(), "--json");
            assertThat(edited.exitCode).as(edited.err()).isZero();
            assertThat(Mp4Header.duration(snow).get()).isCloseTo(Duration.ofSeconds(4), Duration.ofMillis(100));
            // The previous result went by its URL, not inlined: the submit is a few hundred bytes, not the video.
            assertThat(XAI.get().journal().entries()).filteredOn(e -> e.path().endsWith("/videos/edits")).singleElement()
                    .satisfies(e -> assertThat(e.bodySize()).isLessThan(2_000));
            assertThat(posts()).isEqualTo(2);
        }

        @Test
        void a_finished_job_downloads_again_from_the_stored_result_without_asking_the_provider() {
            CliRun first = xai("generate", "Fox #sim:time=100ms", "-o", dir.resolve("a.mp4").toString());
            String id = XAI.get().jobs().get(0).id();
            int polls = XAI.get().calls(Call.POLL);
            CliRun again = xai("download", "xai:" + id, "-o", dir.resolve("b.mp4").toString());
            assertThat(first.exitCode).isZero();
            assertThat(again.exitCode).as(again.err()).isZero();
            assertThat(dir.resolve("b.mp4")).hasSameBinaryContentAs(dir.resolve("a.mp4"));
            assertThat(XAI.get().calls(Call.POLL)).isEqualTo(polls);
            assertThat(xai("status", "xai:" + id).err()).contains("is succeeded (recorded in " + home().resolve(".imagine4j"));
            assertThat(XAI.get().calls(Call.POLL)).isEqualTo(polls);
        }

        @Test
        void jobs_lists_the_store_newest_first_and_all_adds_the_finished_ones() throws IOException {
            xai("generate", "First fox #sim:time=100ms", "-o", dir.resolve("1.mp4").toString());
            String running = xai("generate", "Second fox #sim:slow=10m", "--no-wait").out().trim();
            CliRun unfinished = xai("jobs");
            assertThat(unfinished.out()).contains(running).doesNotContain("First fox").contains("Second fox");
            JsonNode all = new ObjectMapper().readTree(xai("jobs", "--all", "--json").out());
            assertThat(all.get("jobs")).hasSize(2);
            assertThat(all.get("jobs").get(0).get("job_id").asText()).isEqualTo(running);
            assertThat(all.get("jobs").get(1).get("status").asText()).isEqualTo("succeeded");
            assertThat(all.get("jobs").get(1).get("video").get("url").asText()).startsWith(XAI.get().rootUrl().toString());
            assertThat(all.get("store").asText()).isEqualTo(home().resolve(".imagine4j").toString());
        }

        @Test
        void estimate_prints_the_cost_and_submits_nothing() throws IOException {
            CliRun run = xai("generate", "Fox", "--duration", "8", "--estimate");
            assertThat(run.exitCode).isZero();
            assertThat(run.out().trim()).isEqualTo("0.56");
            assertThat(run.err()).contains("Estimated cost: $0.56 for 1 × 8 s at").contains("Nothing was submitted.");
            JsonNode json = new ObjectMapper().readTree(xai("generate", "Fox", "--duration", "8", "--estimate", "--json").out());
            assertThat(json.get("estimate").get("usd").decimalValue()).isEqualByComparingTo("0.56");
            assertThat(json.get("job_id").isNull()).isTrue();
            assertThat(posts()).isZero();
        }

        @Test
        void models_lists_each_model_and_what_it_accepts() throws IOException {
            CliRun run = xai("models");
            assertThat(run.exitCode).as(run.err()).isZero();
            assertThat(run.out()).contains("grok-imagine-video").containsPattern("text-to-video +1–15 s · .*16:9");
            JsonNode json = new ObjectMapper().readTree(xai("models", "--json").out());
            assertThat(json.get("models").findValuesAsText("id")).contains("grok-imagine-video");
        }

        @Test
        void completion_prints_a_script_that_knows_every_command() {
            CliRun run = new CliRun(home()).run("completion");
            assertThat(run.exitCode).isZero();
            assertThat(run.out()).contains("complete -F").contains("imagine4j").contains("resume").contains("--max-cost");
        }
    }

    @Nested
    class Failures {
        @ParameterizedTest(name = "{0} exits {1}")
        @CsvSource({
            "#sim:fail, 3, PROVIDER_ERROR",
            "#sim:expire, 3, EXPIRED",
            "#sim:moderated, 4, MODERATION",
            "#sim:moderated=flag, 4, MODERATION",
            "#sim:submit-reset, 7, SUBMISSION_OUTCOME_UNKNOWN",
            "#sim:submit-400, 2, INVALID_REQUEST"})
        void each_outcome_has_its_exit_code_and_one_json_object(String directive, int exitCode, String kind) throws IOException {
            CliRun run = xai("generate", "Fox #sim:time=100ms " + directive, "-o", dir.resolve("x.mp4").toString(), "--json");
            assertThat(run.exitCode).as(run.err()).isEqualTo(exitCode);
            assertThat(run.out().strip().lines()).hasSize(1);
            assertThat(new ObjectMapper().readTree(run.out()).get("failure").get("kind").asText()).isEqualTo(kind);
            assertThat(dir.resolve("x.mp4")).doesNotExist();
        }

        @Test
        void a_cost_above_max_cost_is_refused_before_any_call_with_the_estimate_in_the_message() throws IOException {
            CliRun run = xai("generate", "Fox", "--duration", "10", "--max-cost", "0.50");
            assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("$0.70").contains("0.50").contains("nothing was submitted");
            JsonNode json = new ObjectMapper().readTree(xai("generate", "Fox", "--duration", "10", "--max-cost", "0.5", "--json").out());
            assertThat(json.get("failure").get("kind").asText()).isEqualTo("BUDGET_EXCEEDED");
            assertThat(json.get("failure").get("message").asText()).contains("$0.70");
            assertThat(posts()).isZero();
            assertThat(xai("generate", "Fox #sim:time=100ms", "--duration", "2", "--max-cost", "0.50", "-o",
                    dir.resolve("ok.mp4").toString()).exitCode).isZero();
        }

        @Test
        void what_xai_cannot_do_exits_2_naming_the_alternative() throws IOException {
            CliRun list = xai("list", "--json");
            assertThat(list.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(new ObjectMapper().readTree(list.out()).get("failure").get("message").asText()).contains("jobs");
            String id = xai("generate", "Fox #sim:slow=10m", "--no-wait").out().trim();
            CliRun cancel = xai("cancel", id);
            assertThat(cancel.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(cancel.err()).contains("cancel");
        }

        @Test
        void an_outcome_unknown_is_not_sent_again() {
            CliRun run = xai("generate", "Fox #sim:submit-reset", "-o", dir.resolve("x.mp4").toString());
            assertThat(run.exitCode).isEqualTo(ExitCodes.OUTCOME_UNKNOWN);
            assertThat(run.err()).contains("not sent again");
            assertThat(posts()).isEqualTo(1);
        }

        @Test
        void a_timeout_prints_the_id_of_the_job_that_keeps_running() throws IOException {
            CliRun run = xai("generate", "Fox #sim:slow=10m", "--timeout", "1s");
            assertThat(run.exitCode).isEqualTo(ExitCodes.TIMED_OUT);
            assertThat(run.err()).containsPattern("job xai:[0-9a-f-]+ is still running; check it later with: imagine4j status xai:");
            CliRun json = xai("generate", "Fox #sim:slow=10m", "--timeout", "500ms", "--json");
            assertThat(json.exitCode).isEqualTo(ExitCodes.TIMED_OUT);
            JsonNode report = new ObjectMapper().readTree(json.out());
            assertThat(report.get("failure").get("kind").asText()).isEqualTo("TIMEOUT");
            assertThat(report.get("job_id").asText()).startsWith("xai:");
        }

        @Test
        void a_refused_key_exits_6_and_never_prints_it() {
            try (XaiSimulator strict = XaiSimulator.start(SimulatorOptions.realTime().withKeys(ApiKeys.exactly("right")))) {
                CliRun run = new CliRun(home()).withEnv("MY_KEY", "wrong-secret-key").run("generate", "Fox", "--provider", "xai",
                        "--api-key-env", "MY_KEY", "--base-url", strict.baseUrl().toString());
                assertThat(run.exitCode).isEqualTo(ExitCodes.AUTHENTICATION);
                assertThat(run.err() + run.out()).doesNotContain("wrong-secret-key");
                CliRun json = new CliRun(home()).withEnv("MY_KEY", "wrong-secret-key").run("generate", "Fox", "--provider", "xai",
                        "--api-key-env", "MY_KEY", "--base-url", strict.baseUrl().toString(), "--json");
                assertThat(json.exitCode).isEqualTo(ExitCodes.AUTHENTICATION);
                assertThat(json.out()).contains("\"kind\":\"AUTHENTICATION\"").doesNotContain("wrong-secret-key");
            }
        }

        @Test
        void ctrl_c_while_waiting_exits_130_and_resume_finishes_the_job_at_once() throws Exception {
            CliRun run = new CliRun(home()).withEnv("XAI_API_KEY", "k").withEnv("XAI_BASE_URL", XAI.get().baseUrl().toString());
            Thread runner = new Thread(() -> run.run("generate", "Fox #sim:slow=2s", "--json"));
            runner.start();
            while (posts() == 0 || XAI.get().calls(Call.POLL) == 0) {
                Thread.onSpinWait();
            }
            runner.interrupt();
            runner.join(10_000);
            assertThat(run.exitCode).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(run.err()).contains("goes on at xai and is recorded in").contains("Finish it with `imagine4j resume`");
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.get("failure").get("code").asText()).isEqualTo("interrupted");

            CliRun resumed = xai("resume");
            assertThat(resumed.exitCode).as(resumed.err()).isZero();
            assertThat(resumed.err()).contains("Resuming 1 job on xAI").doesNotContain("Waiting for")
                    .contains(report.get("job_id").asText() + " succeeded: save it with `imagine4j download");
            assertThat(resumed.out().trim()).isEqualTo(report.get("job_id").asText() + " succeeded");
            assertThat(xai("resume").err()).contains("No unfinished job in");
            assertThat(posts()).isEqualTo(1);
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
            assertThat(xai("edit", "Fox").err()).contains("give the input video once: --video PATH|URL, or --from JOB_ID");
            assertThat(xai("generate", "Fox", "--provider", "sora").err())
                    .contains("--provider: 'sora' is not a provider; use one of xai, openai, oxen, simulator");
            assertThat(new CliRun(home()).run("generate", "Fox", "--provider", "xai").err()).contains("XAI_API_KEY is not set");
            assertThat(xai("status", "not an id:").exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(posts()).isZero();
        }

        @Test
        void invalid_input_and_usage_errors_print_one_json_object_too() throws IOException {
            for (String[] args : List.of(new String[] {"generate", "Fox", "--duration", "20", "--json"},
                    new String[] {"generate", "Fox", "--bogus", "--json"},
                    new String[] {"edit", "Fox", "--json"},
                    new String[] {"download", "xai:1", "--json"},
                    new String[] {"generate", "Fox", "--provider", "sora", "--json"},
                    new String[] {"jobs", "--store", "jdbc:postgresql://db/app?password=secret", "--json"})) {
                CliRun run = xai(args);
                assertThat(run.exitCode).as(String.join(" ", args)).isEqualTo(ExitCodes.INVALID_INPUT);
                assertThat(run.out().strip().lines()).as(String.join(" ", args)).hasSize(1);
                JsonNode failure = new ObjectMapper().readTree(run.out()).get("failure");
                assertThat(failure.get("kind").asText()).isEqualTo("INVALID_REQUEST");
                assertThat(failure.get("message").asText()).isNotBlank().doesNotContain("secret");
            }
            assertThat(posts()).isZero();
        }

        @Test
        void a_jdbc_store_is_postgresql_with_its_credentials_from_the_environment() throws IOException {
            CliRun unreachable = new CliRun(home()).withEnv("IMAGINE4J_STORE_USER", "app").withEnv("IMAGINE4J_STORE_PASSWORD", "s3cret")
                    .run("jobs", "--store", "jdbc:postgresql://127.0.0.1:1/app", "--json");
            assertThat(unreachable.exitCode).isEqualTo(ExitCodes.UNEXPECTED);
            JsonNode failure = new ObjectMapper().readTree(unreachable.out()).get("failure");
            assertThat(failure.get("code").asText()).isEqualTo("job_store");
            assertThat(failure.get("message").asText()).contains("127.0.0.1:1");
            assertThat(unreachable.out() + unreachable.err()).doesNotContain("s3cret");
            assertThat(xai("jobs", "--store", "jdbc:mysql://db/app").err()).contains("neither a directory nor a PostgreSQL JDBC URL");
            assertThat(xai("jobs", "--store", "jdbc:postgresql://app:pw@db/app").err()).contains("IMAGINE4J_STORE_PASSWORD");
        }

        @Test
        void every_command_answers_help_with_its_exit_codes() throws IOException {
            for (String command : List.of("generate", "edit", "extend", "remix", "status", "cancel", "download", "jobs", "resume",
                    "list", "delete", "models", "simulator", "completion")) {
                CliRun help = new CliRun(home()).run(command, "--help");
                assertThat(help.exitCode).as(command).isZero();
                assertThat(help.out()).as(command).contains("Usage: imagine4j " + command).contains("Exit codes:");
                assertThat(new CliRun(home()).run("help", command).out()).as(command).contains("Usage: imagine4j " + command);
            }
            JsonNode json = new ObjectMapper().readTree(new CliRun(home()).run("generate", "--help", "--json").out());
            assertThat(json.get("help").asText()).contains("--max-cost");
        }

        @Test
        void help_lists_the_exit_codes() {
            CliRun run = new CliRun(home()).run("--help");
            assertThat(run.exitCode).isZero();
            assertThat(run.out()).contains("generate").contains("edit").contains("extend").contains("remix").contains("status")
                    .contains("cancel").contains("download").contains("jobs").contains("resume").contains("list").contains("delete")
                    .contains("models").contains("simulator").contains("completion").contains("7    submission outcome unknown");
        }
    }
}
