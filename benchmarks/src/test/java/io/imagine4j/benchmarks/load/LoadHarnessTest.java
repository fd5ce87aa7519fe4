package io.imagine4j.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load harness at a tiny size: every phase's jobs all succeed with exactly one submit each,
 * and every number the report prints is there. Correctness only: timings are never asserted.
 */
class LoadHarnessTest {

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(progress, true, StandardCharsets.UTF_8);

    @Test
    void xaiRunRunsEveryJobOnceWithEachClientAndComparesImagine4jWithBothBaselines() throws InterruptedException {
        LoadReport report = LoadHarness.run(LoadOptions.parse("--jobs", "20", "--job-time", "2s", "--time-scale", "10", "--warmup", "0"), log);

        assertThat(report.phases()).extracting(PhaseResult::name)
                .containsExactly("raw HTTP, fixed 5 s (a)", "raw HTTP, imagine4j's schedule (b)", "imagine4j");
        for (PhaseResult phase : report.phases()) {
            assertCorrect(phase, 20);
            assertThat(phase.calls().polls()).isGreaterThanOrEqualTo(20);
            assertThat(phase.calls().downloads()).isZero();
            assertThat(phase.timesToResult()).hasSize(20);
            assertThat(phase.detectionLags()).as("every job's backend end is known").hasSize(20);
            assertThat(phase.percentile(50)).isPositive();
            assertThat(phase.percentile(99)).isGreaterThanOrEqualTo(phase.percentile(50));
            assertThat(phase.lagPercentile(99)).isGreaterThanOrEqualTo(phase.lagPercentile(50));
            assertThat(phase.peakThreads()).isGreaterThanOrEqualTo(phase.threadsBefore());
            assertThat(phase.backendCpu()).isPositive();
        }
        assertThat(report.phases().get(0).calls().polls()).as("2 s jobs, a poll every 5 s: one poll each").isEqualTo(20);
        assertThat(report.render()).contains("| jobs succeeded / submitted | 20 / 20 | 20 / 20 | 20 / 20 |",
                "imagine4j ÷ (a)", "imagine4j ÷ (b)", "polls per job", "detection lag p50 / p99", "heap per job in flight",
                "CPU per backend call", "simulator CPU", "threads added by imagine4j");
    }

    @Test
    void openAiRunAddsTheOfficialSdkAndDownloadsEveryResultOnceWithTheKeyOnlyWhereItBelongs() throws InterruptedException {
        LoadReport report = LoadHarness.run(LoadOptions.parse("--provider", "openai", "--jobs", "8", "--job-time", "2s",
                "--time-scale", "10", "--warmup", "0", "--download"), log);

        assertThat(report.phases()).extracting(PhaseResult::name).containsExactly("raw HTTP, fixed 5 s (a)",
                "raw HTTP, imagine4j's schedule (b)", "openai-java (c)", "imagine4j");
        for (PhaseResult phase : report.phases()) {
            assertCorrect(phase, 8);
            assertThat(phase.calls().downloads()).isEqualTo(8);
            assertThat(phase.calls().leaks()).isZero();
        }
        assertThat(report.render()).contains("submits / polls / downloads", "imagine4j ÷ (c)");
    }

    @Test
    void oxenRunFindsEveryEndOverTheEventStreamWithoutAPollWhileTheBaselinesPoll() throws InterruptedException {
        LoadReport report = LoadHarness.run(LoadOptions.parse("--provider", "oxen", "--jobs", "10", "--job-time", "2s",
                "--time-scale", "10", "--warmup", "0"), log);

        assertThat(report.phases()).extracting(PhaseResult::name)
                .containsExactly("raw HTTP, fixed 5 s (a)", "raw HTTP, imagine4j's schedule (b)", "imagine4j");
        for (PhaseResult phase : report.phases()) {
            assertThat(phase.problems(false, false)).isEmpty();
            assertThat(phase.succeeded()).isEqualTo(10);
            assertThat(phase.calls().submits()).isEqualTo(10);
            assertThat(phase.detectionLags()).hasSize(10);
        }
        assertThat(report.phases().get(0).calls().polls()).isEqualTo(10);
        assertThat(report.phases().get(2).calls().polls()).as("a healthy event stream: no poll at all").isZero();
        assertThat(report.render()).contains("| polls per job | 1.00 |", "| 0.00 |");
    }

    @Test
    void pollingRunSweepsEachJobTimeWithEveryClientInJobTime() throws InterruptedException {
        PollingReport report = LoadHarness.polling(LoadOptions.parse("--polling", "--jobs", "10", "--job-times", "2s,4s",
                "--time-scale", "10", "--warmup", "0"), log);

        assertThat(report.sweeps()).containsOnlyKeys(Duration.ofSeconds(2), Duration.ofSeconds(4));
        report.sweeps().values().forEach(phases -> {
            assertThat(phases).extracting(PhaseResult::name).containsExactly("raw HTTP, fixed 5 s (a)", "imagine4j");
            phases.forEach(phase -> {
                assertCorrect(phase, 10);
                assertThat(phase.detectionLags()).hasSize(10);
                assertThat(phase.detectionLags()[0]).as("no job is seen ended before it ended").isNotNegative();
            });
        });
        // 2 s and 4 s jobs (± 20 %) against a poll every 5 s: one poll each, found ended at least 2.6 s late (job time).
        PhaseResult docs = report.sweeps().get(Duration.ofSeconds(2)).get(0);
        assertThat(docs.calls().polls()).isEqualTo(10);
        assertThat(docs.lagPercentile(50).multipliedBy(10)).isBetween(Duration.ofMillis(2_500), Duration.ofSeconds(8));
        assertThat(report.render()).contains("| 2 s | raw HTTP, fixed 5 s (a) |", "| 4 s | imagine4j |", "--time-scale 10");
    }

    @Test
    void downloadRunStreamsTheSameBytesThroughBothClients() throws InterruptedException {
        DownloadReport report = LoadHarness.download(LoadOptions.parse("--download-size", "4m", "--jobs", "1"), log);

        assertThat(report.results()).extracting(DownloadResult::name).containsExactly("raw HTTP, BodyHandlers.ofFile", "imagine4j");
        assertThat(report.results()).allSatisfy(result -> {
            assertThat(result.bytes()).isEqualTo(4L << 20);
            assertThat(result.throughput()).isPositive();
            assertThat(result.heapAfterGc()).isGreaterThanOrEqualTo(result.heapIdle());
        });
        assertThat(report.render()).contains("imagine4j ÷ raw", "heap growth");
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
