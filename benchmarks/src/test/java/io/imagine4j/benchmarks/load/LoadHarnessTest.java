package io.imagine4j.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load harness at a tiny size: every phase's jobs all succeed with exactly one submit each,
 * and every number the report prints is there. Correctness only: timings are never asserted.
 */
class LoadHarnessTest {

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(progress, true, StandardCharsets.UTF_8);

    @Test
    void realTimeRunOnTheSimulatorRunsEveryJobOnceWithBothClients() throws InterruptedException {
        LoadReport report = LoadHarness.run(LoadOptions.parse("--jobs", "20", "--job-time", "200ms", "--warmup", "0"), log);

        assertThat(report.phases()).extracting(PhaseResult::name).containsExactly("raw HTTP", "imagine4j");
        for (PhaseResult phase : report.phases()) {
            assertCorrect(phase, 20);
            assertThat(phase.calls().polls()).isGreaterThanOrEqualTo(20);
            assertThat(phase.calls().downloads()).isZero();
            assertThat(phase.timesToResult()).hasSize(20);
            assertThat(phase.percentile(50)).isPositive();
            assertThat(phase.percentile(99)).isGreaterThanOrEqualTo(phase.percentile(50));
            assertThat(phase.peakThreads()).isGreaterThanOrEqualTo(phase.threadsBefore());
            assertThat(phase.backendCpu()).isPositive();
        }
        assertThat(report.render()).contains("| jobs succeeded / submitted | 20 / 20 | 20 / 20 |",
                "time to result p50 / p99", "heap per job in flight", "simulator CPU", "threads added by imagine4j");
    }

    @Test
    void downloadRunFetchesEveryResultOnceWithoutTheKey() throws InterruptedException {
        LoadReport report = LoadHarness.run(
                LoadOptions.parse("--jobs", "8", "--job-time", "200ms", "--warmup", "0", "--download"), log);

        for (PhaseResult phase : report.phases()) {
            assertCorrect(phase, 8);
            assertThat(phase.calls().downloads()).isEqualTo(8);
            assertThat(phase.calls().leaks()).isZero();
        }
        assertThat(report.render()).contains("submits / polls / downloads");
    }

    @Test
    void virtualRunFollowsEveryJobOnTheFakeProvider() throws InterruptedException {
        LoadReport report = LoadHarness.run(LoadOptions.parse("--virtual", "--jobs", "1000", "--warmup", "0"), log);

        assertThat(report.phases()).extracting(PhaseResult::name).containsExactly("fake alone", "imagine4j on fake");
        for (PhaseResult phase : report.phases()) {
            assertCorrect(phase, 1000);
            assertThat(phase.allocatedBytesPerJob()).isPositive();
            assertThat(phase.addedThreads()).isZero(); // the pool is started before the phase
        }
        assertThat(report.render()).contains("| jobs succeeded / submitted | 1000 / 1000 | 1000 / 1000 |",
                "allocated per job");
    }

    @Test
    void commandLineRefusesUnknownOptionsWithUsage() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = LoadHarness.run(new String[] {"--jobs", "many"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--jobs needs a whole number", "usage: load");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static void assertCorrect(PhaseResult phase, int jobs) {
        assertThat(phase.problems(false)).isEmpty();
        assertThat(phase.jobs()).isEqualTo(jobs);
        assertThat(phase.succeeded()).isEqualTo(jobs);
        assertThat(phase.failed()).isZero();
        assertThat(phase.endedTwice()).isZero();
        assertThat(phase.calls().submits()).isEqualTo(jobs);
        assertThat(phase.calls().errors()).isZero();
        assertThat(phase.wall()).isPositive();
        assertThat(phase.jobsPerSecond()).isPositive();
        assertThat(phase.heapIdle()).isPositive();
        assertThat(phase.heapAtPeak()).isPositive();
        assertThat(phase.inFlightAtPeak()).isPositive();
        assertThat(phase.spent().cpu()).isPositive();
        assertThat(phase.spent().javaThreads()).isPositive();
    }
}
