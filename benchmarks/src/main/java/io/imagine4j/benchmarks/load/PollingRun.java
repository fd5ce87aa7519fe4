package io.imagine4j.benchmarks.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The polling-efficiency run: for each job time of the options (5, 30 and 120 s by default), the
 * same jobs, reporting linear progress, through each client on one simulator; what counts is polls
 * per job and the completion-detection lag. Only the first sweep warms the clients up.
 *
 * <pre>{@code
 * PollingReport report = new PollingRun(LoadOptions.parse("--polling", "--provider", "openai"), System.err).run();
 * }</pre>
 */
final class PollingRun {

    private final LoadOptions options;
    private final PrintStream log;

    PollingRun(LoadOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    Map<Duration, List<PhaseResult>> run() throws InterruptedException {
        Map<Duration, List<PhaseResult>> sweeps = new LinkedHashMap<>();
        try (ForkedSimulator simulator = ForkedSimulator.start(options.provider(), options.real(HttpLoadRun.SERVER_HINT))) {
            log.println(options.provider().key() + " simulator (child JVM) at " + simulator.baseUrl());
            boolean first = true;
            for (Duration length : options.jobTimes()) {
                LoadOptions sweep = options.withJobTime(length);
                if (!first) {
                    sweep = sweep.withoutWarmup();
                }
                sweeps.put(length, new HttpLoadRun(sweep, log).run(simulator));
                first = false;
            }
        }
        return sweeps;
    }
}
