package io.imagine4j.benchmarks.load;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The end-to-end load harness behind {@code java -jar imagine4j-benchmarks.jar load}: runs the
 * same jobs with each baseline and with imagine4j in one JVM, one after the other, prints what
 * each cost as a Markdown table, and fails (exit status 1) when any job did not end as it must.
 *
 * <pre>{@code
 * LoadReport report = LoadHarness.run(LoadOptions.parse("--provider", "openai", "--jobs", "2000"), System.err);
 * System.out.println(report.render());
 * }</pre>
 */
public final class LoadHarness {

    private static final String USAGE = "usage: load [--provider xai|openai] [--jobs N] [--job-time DUR] [--threads T]"
            + " [--warmup W] [--time-scale K] [--clients a,b,sdk,imagine4j] [--download]"
            + " | --polling [--job-times 5s,30s,120s] | --download-size 1g | --virtual";

    private LoadHarness() {
    }

    /**
     * Runs a throughput or virtual run and answers its report, or throws {@link LoadCheckFailed}
     * when a phase is not correct (a job lost or failed, a submit sent twice, a call refused).
     * Progress goes to {@code log}.
     */
    public static LoadReport run(LoadOptions options, PrintStream log) throws InterruptedException {
        List<PhaseResult> phases = options.virtual() ? new VirtualLoadRun(options, log).run()
                : new HttpLoadRun(options, log).run();
        LoadReport report = new LoadReport(options, phases, ZonedDateTime.now());
        failOn(report.problems());
        return report;
    }

    /** Runs a polling run ({@code --polling}). */
    public static PollingReport polling(LoadOptions options, PrintStream log) throws InterruptedException {
        PollingReport report = new PollingReport(options, new PollingRun(options, log).run(), ZonedDateTime.now());
        failOn(report.problems());
        return report;
    }

    /** Runs a download run ({@code --download-size}). */
    public static DownloadReport download(LoadOptions options, PrintStream log) throws InterruptedException {
        return new DownloadReport(options, new DownloadRun(options, log).run(), ZonedDateTime.now());
    }

    private static void failOn(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new LoadCheckFailed(problems);
        }
    }

    /** The command line: 0 when the run was correct, 1 when it was not, 2 for a usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            String rendered = switch (options.mode()) {
                case POLLING -> polling(options, err).render();
                case DOWNLOAD -> download(options, err).render();
                case THROUGHPUT, VIRTUAL -> run(options, err).render();
            };
            out.println();
            out.print(rendered);
            return 0;
        } catch (LoadCheckFailed e) {
            err.println("LOAD RUN FAILED: its numbers are not reported.");
            e.problems().forEach(problem -> err.println("  " + problem));
            return 1;
        }
    }
}
