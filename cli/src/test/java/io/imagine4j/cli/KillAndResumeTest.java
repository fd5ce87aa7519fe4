package io.imagine4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.JournalEntry;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command in child JVMs, killed as a crash or a Ctrl-C would stop it, then {@code resume} from
 * the store. The simulator runs on a manual clock, so the jobs stay unfinished until the test moves it.
 */
class KillAndResumeTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(() -> XaiSimulator.start(SimulatorOptions.forTests()));

    /**
     * The children's lease: long enough that it surely still holds when the parent resumes (the
     * parent's own runs lease for {@link CliRun#LEASE}), short enough to keep the test quick.
     */
    private static final Duration CHILD_LEASE = Duration.ofSeconds(6);

    @TempDir
    Path home;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void after_sigkill_mid_job_resume_takes_the_jobs_up_once_their_leases_lapse_with_one_post_each() throws Exception {
        Process first = child("generate", "A fox in the snow", "-o", home.resolve("a.mp4").toString());
        Process second = child("generate", "An owl at dusk", "-o", home.resolve("b.mp4").toString());
        await("both jobs accepted and polled", () -> polledJobs() == 2);

        first.destroyForcibly();
        second.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS) && second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        XAI.get().advance(Duration.ofMinutes(1));

        CliRun resumed = cli().run("resume");
        assertThat(resumed.exitCode).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("Resuming 2 jobs on xAI").contains("Waiting for 2 jobs held by an interrupted run");
        assertThat(resumed.out().lines()).hasSize(2).allMatch(line -> line.matches("xai:\\S+ succeeded"));
        assertThat(XAI.get().calls(Call.SUBMIT)).isEqualTo(2);

        String id = resumed.out().lines().findFirst().get().split(" ")[0];
        int polls = XAI.get().calls(Call.POLL);
        CliRun saved = cli().run("download", id, "-o", home.resolve("saved.mp4").toString());
        assertThat(saved.exitCode).as(saved.err()).isZero();
        assertThat(Mp4Header.duration(home.resolve("saved.mp4")).isSuccess()).isTrue();
        assertThat(XAI.get().calls(Call.POLL)).isEqualTo(polls);
    }

    @Test
    void ctrl_c_exits_130_releasing_the_lease_so_resume_finishes_the_job_at_once() throws Exception {
        Process run = child("generate", "A fox in the snow", "--json");
        await("the job accepted and polled", () -> polledJobs() == 1);

        Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start();
        assertThat(interrupt.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isEqualTo(ExitCodes.INTERRUPTED);
        String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).contains("Finish it with `imagine4j resume`");
        JsonNode report = new ObjectMapper().readTree(new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(report.get("failure").get("code").asText()).isEqualTo("interrupted");

        XAI.get().advance(Duration.ofMinutes(1));
        CliRun resumed = cli().run("resume");
        assertThat(resumed.exitCode).as(resumed.err()).isZero();
        assertThat(resumed.err()).doesNotContain("Waiting for");
        assertThat(resumed.out().trim()).isEqualTo(report.get("job_id").asText() + " succeeded");
        assertThat(XAI.get().calls(Call.SUBMIT)).isEqualTo(1);
    }

    private CliRun cli() {
        return new CliRun(home).withEnv("XAI_API_KEY", "test-key").withEnv("XAI_BASE_URL", XAI.get().baseUrl().toString());
    }

    /** The command's main class in a fresh JVM, on this test's classpath, with this test's home and a short lease. */
    private Process child(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Duser.home=" + home,
                "-Dimagine4j.cli.lease=" + CHILD_LEASE, "-cp", System.getProperty("java.class.path"),
                Imagine4jCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("XAI_") || name.startsWith("OPENAI_")
                || name.startsWith("OXEN_") || name.startsWith("IMAGINE4J_"));
        builder.environment().put("XAI_API_KEY", "test-key");
        builder.environment().put("XAI_BASE_URL", XAI.get().baseUrl().toString());
        Files.createDirectories(home);
        Process process = builder.start();
        children.add(process);
        return process;
    }

    private static int polledJobs() {
        return XAI.get().journal().entries(entry -> entry.call() == Call.POLL).stream().map(JournalEntry::path)
                .collect(Collectors.toSet()).size();
    }

    /** Re-checks {@code condition} until it holds; fails after a minute, naming what it waited for. */
    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            children.stream().filter(process -> !process.isAlive()).findFirst().ifPresent(dead -> {
                throw new AssertionError("a child ended (" + dead.exitValue() + ") before " + what);
            });
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
