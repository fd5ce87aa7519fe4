package io.imagine4j.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real-time run: the same jobs on the xAI simulator (its own JVM, wall clock), first with the
 * raw-HTTP baseline, then with imagine4j, each after an unmeasured warm-up that loads and compiles
 * its code.
 *
 * <pre>{@code
 * List<PhaseResult> phases = new HttpLoadRun(LoadOptions.parse("--jobs", "2000"), System.out).run();
 * }</pre>
 */
final class HttpLoadRun {

    static final String API_KEY = "bench-key";
    private static final String PROMPT = "A red fox running through fresh snow, take ";

    private final LoadOptions options;
    private final PrintStream log;
    private final JvmProbe jvm = JvmProbe.current();

    HttpLoadRun(LoadOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    List<PhaseResult> run() throws InterruptedException {
        Path downloads = options.download() ? temporaryDirectory() : null;
        try (ForkedSimulator simulator = ForkedSimulator.start()) {
            URI base = simulator.baseUrl();
            log.println("simulator (child JVM) at " + base);
            PhaseResult raw = phase("raw HTTP", () -> new RawHttpClient(base, API_KEY, options.threads(), downloads), simulator);
            PhaseResult library = phase("imagine4j", () -> Imagine4jClient.onXai(base, API_KEY, options.threads(), downloads), simulator);
            return List.of(raw, library);
        } finally {
            if (downloads != null) {
                delete(downloads);
            }
        }
    }

    private PhaseResult phase(String name, ClientFactory clients, ForkedSimulator simulator) throws InterruptedException {
        if (options.warmup() > 0) {
            LoadOptions warm = options.warmupRun();
            log.printf("%s: warm-up, %d jobs of %d ms%n", name, warm.jobs(), warm.jobTime().toMillis());
            simulator.reset();
            PhaseResult warmup = measure(name + " warm-up", clients, warm, simulator);
            List<String> problems = warmup.problems(options.download());
            if (!problems.isEmpty()) {
                throw new LoadCheckFailed(problems);
            }
        }
        log.printf("%s: %d jobs of %d ms on %d threads%n", name, options.jobs(), options.jobTime().toMillis(), options.threads());
        simulator.reset();
        return measure(name, clients, options, simulator);
    }

    private PhaseResult measure(String name, ClientFactory clients, LoadOptions run, ForkedSimulator simulator)
            throws InterruptedException {
        JobTally tally = new JobTally(run.jobs());
        String directive = run.directive();
        try (LoadClient client = clients.create()) {
            long heapIdle = jvm.heapAfterGc();
            Map<Long, String> censusBefore = jvm.threadCensus();
            int threadsBefore = jvm.liveThreads();
            jvm.resetPeakThreads();
            JvmProbe.Reading start = jvm.read();
            Duration backendCpuStart = simulator.cpuTime();

            for (int i = 0; i < run.jobs(); i++) {
                tally.submitted(i);
                client.submit(i, PROMPT + i + " " + directive, tally);
            }
            Duration deadline = deadline(run);
            awaitOrFail(tally.awaitAllSettled(deadline), name, "every job was accepted", tally);
            int inFlight = tally.inFlight();
            Map<Long, String> censusAtPeak = jvm.threadCensus();
            JvmProbe.Reading beforeForcedGc = jvm.read();
            long heapAtPeak = jvm.heapAfterGc();
            JvmUsage forcedGc = jvm.read().since(beforeForcedGc);

            awaitOrFail(tally.awaitAllFinished(deadline), name, "every job ended", tally);
            JvmUsage spent = jvm.read().since(start).minus(forcedGc);
            int peakThreads = jvm.peakThreads();
            Duration backendCpu = simulator.cpuTime().minus(backendCpuStart);
            long heapAfter = jvm.heapAfterGc();
            CallCounts calls = simulator.counts();
            return new PhaseResult(name, run.jobs(), tally.succeededCount(), tally.failedCount(), tally.endedTwice(),
                    tally.wallTime(), calls, tally.sortedTimesToResult(), threadsBefore,
                    PhaseResult.added(censusBefore, censusAtPeak), peakThreads, heapIdle, heapAtPeak, inFlight,
                    heapAfter, spent, -1, backendCpu, tally.someFailures());
        }
    }

    /** Generous: jobs take {@code jobTime} plus up to 8 s of poll wait, and submits queue behind each other. */
    private static Duration deadline(LoadOptions run) {
        return run.jobTime().plusSeconds(10).multipliedBy(2).plusMillis(20L * run.jobs());
    }

    private static void awaitOrFail(boolean done, String phase, String what, JobTally tally) {
        if (!done) {
            throw new LoadCheckFailed(List.of(phase + ": timed out before " + what + " (accepted " + tally.acceptedCount()
                    + ", succeeded " + tally.succeededCount() + ", failed " + tally.failedCount() + " of " + tally.jobs()
                    + ") " + tally.someFailures()));
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("imagine4j-load-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for downloads", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the downloads in " + directory, e);
        }
    }

    /** Builds a fresh client for one phase. */
    @FunctionalInterface
    private interface ClientFactory {
        LoadClient create();
    }
}
