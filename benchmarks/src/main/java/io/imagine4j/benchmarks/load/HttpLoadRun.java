package io.imagine4j.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real-time run: the same jobs on a provider's simulator (its own JVM, wall clock), once per
 * client of the options (the baselines, then imagine4j), after an unmeasured warm-up of every client
 * that loads and compiles their code. Measured jobs report linear progress and take the options' job
 * time divided by its time scale.
 *
 * <pre>{@code
 * List<PhaseResult> phases = new HttpLoadRun(LoadOptions.parse("--provider", "openai"), System.err).run();
 * }</pre>
 */
final class HttpLoadRun {

    static final String API_KEY = "bench-key";
    static final String PROMPT = "A red fox running through fresh snow, take ";
    /**
     * Measured jobs take the job time ± this many percent, uniformly spread: real jobs vary, and
     * jobs of exactly 5 s would meet a loop polling every 5 s just in time, a resonance no real
     * backend offers.
     */
    static final int JOB_TIME_SPREAD = 20;
    /** What the docs' loop waits between polls, in job time. */
    static final Duration DOCS_INTERVAL = Duration.ofSeconds(5);
    /** The OpenAI simulator's poll hint, and the SDK's wait when there is none, in job time. */
    static final Duration SERVER_HINT = Duration.ofSeconds(1);

    private final LoadOptions options;
    private final PrintStream log;
    private final JvmProbe jvm = JvmProbe.current();

    HttpLoadRun(LoadOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    List<PhaseResult> run() throws InterruptedException {
        try (ForkedSimulator simulator = ForkedSimulator.start(options.provider(), options.real(SERVER_HINT))) {
            log.println(options.provider().key() + " simulator (child JVM) at " + simulator.baseUrl());
            return run(simulator);
        }
    }

    /** Every client's phase on a running simulator. */
    List<PhaseResult> run(ForkedSimulator simulator) throws InterruptedException {
        Path downloads = options.download() ? temporaryDirectory() : null;
        try {
            // Every client warms up before any is measured: the JIT compiles the JDK's HTTP client for the
            // first client it sees, so measuring each right after its own warm-up favoured whoever came later.
            for (ClientKind kind : options.clients()) {
                warmUp(kind, simulator, downloads);
            }
            List<PhaseResult> phases = new ArrayList<>();
            for (ClientKind kind : options.clients()) {
                phases.add(phase(kind, simulator, downloads));
            }
            return phases;
        } finally {
            if (downloads != null) {
                delete(downloads);
            }
        }
    }

    /** Unmeasured: {@code warmup} short jobs through a fresh client of {@code kind}, checked all the same. */
    private void warmUp(ClientKind kind, ForkedSimulator simulator, Path downloads) throws InterruptedException {
        if (options.warmup() == 0) {
            return;
        }
        String name = kind.label();
        LoadOptions warm = options.warmupRun();
        log.printf("%s: warm-up, %d jobs of %d ms%n", name, warm.jobs(), warm.jobTime().toMillis());
        simulator.reset();
        PhaseResult warmup = measure(name + " warm-up", factory(kind, simulator.baseUrl(), downloads), warm, simulator, false);
        List<String> problems = warmup.problems(options.download(), LoadReport.pollsRequired(options, warmup.renamed(name)));
        if (!problems.isEmpty()) {
            throw new LoadCheckFailed(problems);
        }
    }

    private PhaseResult phase(ClientKind kind, ForkedSimulator simulator, Path downloads) throws InterruptedException {
        String name = kind.label();
        ClientFactory clients = factory(kind, simulator.baseUrl(), downloads);
        log.printf("%s: %d jobs of %d ms (%d ms real) on %d threads%n", name, options.jobs(), options.jobTime().toMillis(),
                options.realJobTime().toMillis(), options.threads());
        simulator.reset();
        simulator.linear(options.jobs(), options.realJobTime(), JOB_TIME_SPREAD);
        return measure(name, clients, options, simulator, true);
    }

    private ClientFactory factory(ClientKind kind, URI base, Path downloads) {
        int threads = options.threads();
        return switch (kind) {
            case DOCS_LOOP -> () -> new RawHttpClient(base, API_KEY, options.provider().wire(),
                    new PollCadence.Fixed(options.real(DOCS_INTERVAL)), threads, downloads);
            case RAW_SCHEDULE -> () -> new RawHttpClient(base, API_KEY, options.provider().wire(),
                    new PollCadence.Library(options.serviceSettings()), threads, downloads);
            case OPENAI_SDK -> () -> new OpenAiSdkClient(base, API_KEY, options.real(SERVER_HINT), threads, downloads);
            case IMAGINE4J -> () -> Imagine4jClient.on(options.provider(), base, API_KEY, options.serviceSettings(), threads,
                    downloads);
        };
    }

    private PhaseResult measure(String name, ClientFactory clients, LoadOptions run, ForkedSimulator simulator,
                                boolean lags) throws InterruptedException {
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
            long[] detectionLags = lags ? tally.sortedDetectionLags(simulator.ends()) : new long[0];
            return new PhaseResult(name, run.jobs(), tally.succeededCount(), tally.failedCount(), tally.endedTwice(),
                    tally.wallTime(), calls, tally.sortedTimesToResult(), detectionLags, threadsBefore,
                    PhaseResult.added(censusBefore, censusAtPeak), peakThreads, heapIdle, heapAtPeak, inFlight,
                    heapAfter, spent, -1, backendCpu, tally.someFailures());
        }
    }

    /** Generous: jobs take their time plus a few poll waits, and submits queue behind each other. */
    private static Duration deadline(LoadOptions run) {
        return run.realJobTime().plus(run.real(Duration.ofSeconds(30))).multipliedBy(2).plusSeconds(20)
                .plusMillis(20L * run.jobs());
    }

    private static void awaitOrFail(boolean done, String phase, String what, JobTally tally) {
        if (!done) {
            throw new LoadCheckFailed(List.of(phase + ": timed out before " + what + " (accepted " + tally.acceptedCount()
                    + ", succeeded " + tally.succeededCount() + ", failed " + tally.failedCount() + " of " + tally.jobs()
                    + ") " + tally.someFailures()));
        }
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("imagine4j-load-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for downloads", e);
        }
    }

    static void delete(Path directory) {
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
