package io.imagine4j.benchmarks.load;

import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.imagine4j.testkit.scenario.Call;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The virtual-time scale run: many jobs on {@link FakeVideoProvider} and a {@link VirtualScheduler}
 * whose due tasks run on a pool of {@code threads} threads, so no time is spent waiting and what
 * is measured is bookkeeping: first the fake driven directly at imagine4j's poll cadence
 * ({@link BareFakeClient}), then the same jobs through {@link VideoJobService}. The difference is
 * imagine4j's own cost per job.
 *
 * <pre>{@code
 * List<PhaseResult> phases = new VirtualLoadRun(LoadOptions.parse("--virtual", "--jobs", "100000"), System.out).run();
 * }</pre>
 */
final class VirtualLoadRun {

    private static final String PROMPT = "A red fox running through fresh snow, take ";
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final LoadOptions options;
    private final PrintStream log;
    private final JvmProbe jvm = JvmProbe.current();

    VirtualLoadRun(LoadOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    List<PhaseResult> run() {
        PhaseResult bare = phase("fake alone", (fake, time) -> new BareFakeClient(fake, time));
        PhaseResult library = phase("imagine4j on fake",
                (fake, time) -> Imagine4jClient.on(fake, VideoJobService.builder(fake).scheduler(time).build()));
        return List.of(bare, library);
    }

    private PhaseResult phase(String name, ClientFactory clients) {
        if (options.warmup() > 0) {
            LoadOptions warm = options.warmupRun();
            log.printf("%s: warm-up, %d jobs%n", name, warm.jobs());
            List<String> problems = measure(name + " warm-up", clients, warm).problems(false);
            if (!problems.isEmpty()) {
                throw new LoadCheckFailed(problems);
            }
        }
        log.printf("%s: %d jobs of %d ms (virtual) on %d threads%n", name, options.jobs(), options.jobTime().toMillis(),
                options.threads());
        return measure(name, clients, options);
    }

    private PhaseResult measure(String name, ClientFactory clients, LoadOptions run) {
        List<Thread> workers = new ArrayList<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(run.threads(), run.threads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = RawHttpClient.daemons("virtual-" + POOLS.incrementAndGet() + "-").newThread(task);
                    synchronized (workers) {
                        workers.add(thread);
                    }
                    return thread;
                });
        pool.prestartAllCoreThreads();
        VirtualScheduler time = VirtualScheduler.onExecutor(pool);
        FakeVideoProvider fake = FakeVideoProvider.on(time);
        JobTally tally = new JobTally(run.jobs());
        String directive = run.directive();
        try (LoadClient client = clients.create(fake, time)) {
            List<Thread> measured = new ArrayList<>(workers);
            measured.add(Thread.currentThread());
            long heapIdle = jvm.heapAfterGc();
            Map<Long, String> censusBefore = jvm.threadCensus();
            int threadsBefore = jvm.liveThreads();
            jvm.resetPeakThreads();
            JvmProbe.Reading start = jvm.read();
            long allocatedStart = jvm.allocatedBytes(measured);

            for (int i = 0; i < run.jobs(); i++) {
                tally.submitted(i);
                client.submit(i, PROMPT + i + " " + directive, tally);
            }
            time.runDue(); // every submit is sent; the fake accepts them all at once
            int inFlight = tally.inFlight();
            Map<Long, String> censusAtPeak = jvm.threadCensus();
            JvmProbe.Reading beforeForcedGc = jvm.read();
            long gcWallStart = System.nanoTime();
            long heapAtPeak = jvm.heapAfterGc();
            JvmUsage forcedGc = jvm.read().since(beforeForcedGc);
            // Nothing runs between the submits and the advance: the forced collection is no job's time.
            Duration gcWall = Duration.ofNanos(System.nanoTime() - gcWallStart);

            // Far enough for every job: its processing time plus the longest poll wait, many times over.
            time.advance(run.jobTime().plusMinutes(5));
            JvmUsage spent = jvm.read().since(start).minus(forcedGc);
            long allocatedEnd = jvm.allocatedBytes(measured);
            long allocated = allocatedStart < 0 || allocatedEnd < 0 ? -1 : allocatedEnd - allocatedStart;
            int peakThreads = jvm.peakThreads();
            if (tally.finishedCount() != run.jobs()) {
                throw new LoadCheckFailed(List.of(name + ": only " + tally.finishedCount() + " of " + run.jobs()
                        + " jobs ended after " + run.jobTime().plusMinutes(5) + " of virtual time " + tally.someFailures()));
            }
            long heapAfter = jvm.heapAfterGc();
            CallCounts calls = new CallCounts(fake.calls(Call.SUBMIT), fake.calls(Call.POLL), fake.calls(Call.CONTENT),
                    fake.calls(Call.CANCEL) + fake.calls(Call.EVENTS) + fake.calls(Call.LIST) + fake.calls(Call.OTHER), 0, 0);
            return new PhaseResult(name, run.jobs(), tally.succeededCount(), tally.failedCount(), tally.endedTwice(),
                    tally.wallTime().minus(gcWall), calls, new long[0], new long[0], threadsBefore,
                    PhaseResult.added(censusBefore, censusAtPeak), peakThreads, heapIdle, heapAtPeak, inFlight,
                    heapAfter, spent, allocated, Duration.ZERO, tally.someFailures());
        } finally {
            time.close();
            pool.shutdownNow();
        }
    }

    /** Builds a phase's client on its fresh fake and scheduler. */
    @FunctionalInterface
    private interface ClientFactory {
        LoadClient create(FakeVideoProvider fake, VirtualScheduler time);
    }
}
