package io.imagine4j.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The conditions under which the harness refuses to report numbers, and the per-job arithmetic. */
class PhaseResultTest {

    private static final CallCounts CLEAN = new CallCounts(10, 40, 0, 0, 0, 0);

    @Test
    void aCleanPhaseHasNoProblem() {
        assertThat(phase(10, 0, CLEAN).problems(false)).isEmpty();
    }

    @Test
    void everyWayOfBeingWrongIsAProblem() {
        assertThat(phase(9, 0, CLEAN).problems(false)).singleElement().asString().contains("9 of 10 jobs succeeded");
        assertThat(phase(10, 1, CLEAN).problems(false)).singleElement().asString().contains("ended twice");
        assertThat(phase(10, 0, new CallCounts(11, 40, 0, 0, 0, 0)).problems(false)).singleElement().asString()
                .contains("11 submits for 10 jobs");
        assertThat(phase(10, 0, new CallCounts(10, 9, 0, 0, 0, 0)).problems(false)).singleElement().asString()
                .contains("only 9 polls");
        assertThat(phase(10, 0, new CallCounts(10, 40, 0, 0, 2, 0)).problems(false)).singleElement().asString()
                .contains("refused or dropped 2 calls");
        assertThat(phase(10, 0, new CallCounts(10, 40, 10, 0, 0, 1)).problems(true)).singleElement().asString()
                .contains("carried the API key");
        assertThat(phase(10, 0, new CallCounts(10, 40, 9, 0, 0, 0)).problems(true)).singleElement().asString()
                .contains("9 downloads for 10 jobs");
    }

    @Test
    void perJobFiguresDivideByTheJobsInFlightOrRun() {
        PhaseResult phase = phase(10, 0, CLEAN);

        assertThat(phase.heapPerJobInFlight()).isEqualTo((3_000_000 - 1_000_000) / 8);
        assertThat(phase.heapRetainedPerJob()).isEqualTo((1_500_000 - 1_000_000) / 10);
        assertThat(phase.cpuMicrosPerJob()).isEqualTo(100_000.0);
        assertThat(phase.javaThreadCpuMicrosPerJob()).isEqualTo(50_000.0);
        assertThat(phase.jobsPerSecond()).isEqualTo(5.0);
        assertThat(phase.callsPerJob()).isEqualTo(5.0);
        assertThat(phase.percentile(50)).isEqualTo(Duration.ofMillis(5));
        assertThat(phase.percentile(99)).isEqualTo(Duration.ofMillis(10));
        assertThat(phase.addedThreads()).isEqualTo(4);
    }

    @Test
    void threadsAddedAreNewThreadsCountedByNamePattern() {
        // Thread 2 is an older pool's worker with the same pattern: it is not one of the new ones.
        Map<String, Integer> added = PhaseResult.added(Map.of(1L, "main", 2L, "HttpClient-#-Worker-#"),
                Map.of(1L, "main", 2L, "HttpClient-#-Worker-#", 7L, "HttpClient-#-Worker-#", 8L, "imagine4j-#-#",
                        9L, "imagine4j-#-#"));

        assertThat(added).containsExactly(Map.entry("HttpClient-#-Worker-#", 1), Map.entry("imagine4j-#-#", 2));
    }

    @Test
    void threadNamesReadAsPatterns() {
        Map<Long, String> census = JvmProbe.current().threadCensus();

        assertThat(census).containsValue("main");
        assertThat(census.values()).noneMatch(name -> name.matches(".*-\\d+(-.*)?"));
    }

    @Test
    void aJobReportedTwiceIsCountedOnceAndFlagged() {
        JobTally tally = new JobTally(2);
        tally.submitted(0);
        tally.submitted(1);
        tally.accepted(0);
        tally.accepted(1);
        tally.succeeded(0);
        tally.succeeded(0);
        tally.failed(1, "moderated", false);

        assertThat(tally.succeededCount()).isEqualTo(1);
        assertThat(tally.failedCount()).isEqualTo(1);
        assertThat(tally.endedTwice()).isEqualTo(1);
        assertThat(tally.someFailures()).containsExactly("job 1: moderated");
        assertThat(tally.sortedTimesToResult()).hasSize(2);
    }

    private static PhaseResult phase(int succeeded, int endedTwice, CallCounts calls) {
        long[] times = new long[10];
        for (int i = 0; i < times.length; i++) {
            times[i] = Duration.ofMillis(i + 1).toNanos();
        }
        return new PhaseResult("client", 10, succeeded, 10 - succeeded, endedTwice, Duration.ofSeconds(2), calls, times,
                new long[] {1_000, 2_000, 300_000}, 20, Map.of(), 24, 1_000_000, 3_000_000, 8, 1_500_000,
                new JvmUsage(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ZERO, Duration.ZERO, 5_000), 1000,
                Duration.ZERO, List.of());
    }
}
