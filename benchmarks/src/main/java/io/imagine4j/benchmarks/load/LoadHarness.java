package io.imagine4j.benchmarks.load;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The end-to-end load harness behind {@code java -jar imagine4j-benchmarks.jar load}: runs the
 * same jobs with a baseline and with imagine4j in one JVM, one after the other, prints what each
 * cost as a Markdown table, and fails (exit status 1) when any job did not end as it must.
 *
 * <pre>{@code
 * LoadReport report = LoadHarness.run(LoadOptions.parse("--jobs", "2000", "--job-time", "5s"), System.out);
 * System.out.println(report.render());
 * }</pre>
 */
public final class LoadHarness {

    private LoadHarness() {
    }

    /**
     * Runs {@code options} and answers its report, or throws {@link LoadCheckFailed} when a phase
     * is not correct (a job lost or failed, a submit sent twice, a call refused). Progress goes to
     * {@code log}.
     */
    public static LoadReport run(LoadOptions options, PrintStream log) throws InterruptedException {
        List<PhaseResult> phases = options.virtual() ? new VirtualLoadRun(options, log).run()
                : new HttpLoadRun(options, log).run();
        LoadReport report = new LoadReport(options, phases, ZonedDateTime.now());
        List<String> problems = report.problems();
        if (!problems.isEmpty()) {
            throw new LoadCheckFailed(problems);
        }
        return report;
    }

    /** The command line: 0 when the run was correct, 1 when it was not, 2 for a usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: load [--jobs N] [--job-time DUR] [--threads T] [--warmup W] [--download] | --virtual");
            return 2;
        }
        try {
            LoadReport report = run(options, err);
            out.println();
            out.print(report.render());
            return 0;
        } catch (LoadCheckFailed e) {
            err.println("LOAD RUN FAILED: its numbers are not reported.");
            e.problems().forEach(problem -> err.println("  " + problem));
            return 1;
        }
    }
}
