package io.imagine4j.benchmarks.load;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The numbers of one load run, printable as a Markdown table (one column per phase, and the
 * second phase's cost above the first's where that means something).
 *
 * <pre>{@code
 * LoadReport report = LoadHarness.run(LoadOptions.parse("--virtual"), System.err);
 * System.out.print(report.render());
 * }</pre>
 *
 * @param options what ran
 * @param phases  the measured phases, baseline first
 * @param at      when the run ended
 */
public record LoadReport(LoadOptions options, List<PhaseResult> phases, ZonedDateTime at) {

    public LoadReport {
        phases = List.copyOf(phases);
    }

    /** Every correctness problem of every phase; empty for a run whose numbers can be trusted. */
    public List<String> problems() {
        List<String> all = new ArrayList<>();
        phases.forEach(phase -> all.addAll(phase.problems(options.download())));
        return all;
    }

    /** The command that reproduces this run. */
    public String command() {
        return "java -jar benchmarks/target/imagine4j-benchmarks.jar load" + (options.virtual() ? " --virtual" : "")
                + " --jobs " + options.jobs() + " --job-time " + options.jobTime().toMillis() + "ms --threads "
                + options.threads() + " --warmup " + options.warmup() + (options.download() ? " --download" : "");
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        Runtime runtime = Runtime.getRuntime();
        out.append("imagine4j load run, ").append(at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(", JDK ").append(System.getProperty("java.vm.version")).append(" (")
                .append(System.getProperty("java.vm.vendor")).append("), ").append(runtime.availableProcessors())
                .append(" cores, max heap ").append(bytes(runtime.maxMemory())).append('\n');
        out.append(command()).append("\n\n");
        List<String> header = new ArrayList<>();
        header.add("");
        phases.forEach(phase -> header.add(phase.name()));
        boolean compared = phases.size() == 2;
        if (compared) {
            header.add(phases.get(1).name() + " − " + phases.get(0).name());
        }
        out.append(row(header)).append(row(header.stream().map(h -> h.isEmpty() ? "---" : "---:").toList()));
        boolean virtual = options.virtual();
        line(out, "jobs succeeded / submitted", p -> p.succeeded() + " / " + p.jobs(), null);
        line(out, virtual ? "wall time, first submit → last end (real)" : "wall time, first submit → last result",
                p -> seconds(p.wall()), null);
        line(out, "jobs/s", p -> String.format(Locale.ROOT, "%,.0f", p.jobsPerSecond()), null);
        line(out, options.download() ? "backend calls: submits / polls / downloads" : "backend calls: submits / polls",
                p -> p.calls().submits() + " / " + p.calls().polls() + (options.download() ? " / " + p.calls().downloads() : ""), null);
        line(out, "calls per job", p -> String.format(Locale.ROOT, "%.2f", p.callsPerJob()),
                compared ? (a, b) -> String.format(Locale.ROOT, "%+.2f", b.callsPerJob() - a.callsPerJob()) : null);
        if (!virtual) {
            line(out, "time to result p50 / p99", p -> seconds(p.percentile(50)) + " / " + seconds(p.percentile(99)), null);
        }
        line(out, "JVM live threads before → peak", p -> p.threadsBefore() + " → " + p.peakThreads()
                + " (+" + p.addedThreads() + ")", compared ? (a, b) -> signed(b.addedThreads() - a.addedThreads()) : null);
        line(out, "heap after GC: idle → peak in flight", p -> bytes(p.heapIdle()) + " → " + bytes(p.heapAtPeak())
                + " (" + p.inFlightAtPeak() + " jobs)", null);
        line(out, "heap per job in flight", p -> bytes(p.heapPerJobInFlight()),
                compared ? (a, b) -> signedBytes(b.heapPerJobInFlight() - a.heapPerJobInFlight()) : null);
        line(out, "heap retained per job after all ended", p -> bytes(p.heapRetainedPerJob()),
                compared ? (a, b) -> signedBytes(b.heapRetainedPerJob() - a.heapRetainedPerJob()) : null);
        line(out, "CPU of this JVM: process / Java threads", p -> seconds(p.spent().cpu()) + " / "
                + seconds(p.spent().javaThreads()), null);
        line(out, "JIT compile time / GC time in the phase", p -> seconds(p.spent().jit()) + " / " + seconds(p.spent().gc()), null);
        line(out, "CPU per job: process", p -> micros(p.cpuMicrosPerJob()),
                compared ? (a, b) -> String.format(Locale.ROOT, "%+,.0f µs", b.cpuMicrosPerJob() - a.cpuMicrosPerJob()) : null);
        line(out, "CPU per job: Java threads (no JIT, no GC)", p -> micros(p.javaThreadCpuMicrosPerJob()),
                compared ? (a, b) -> String.format(Locale.ROOT, "%+,.0f µs",
                        b.javaThreadCpuMicrosPerJob() - a.javaThreadCpuMicrosPerJob()) : null);
        if (virtual) {
            line(out, "allocated per job (worker + driver threads)", p -> p.allocatedBytesPerJob() < 0 ? "n/a"
                    : bytes(p.allocatedBytesPerJob()), compared ? (a, b) -> a.allocatedBytesPerJob() < 0 ? "n/a"
                    : signedBytes(b.allocatedBytesPerJob() - a.allocatedBytesPerJob()) : null);
        } else {
            line(out, "simulator CPU (its own JVM)", p -> seconds(p.backendCpu()), null);
        }
        out.append('\n');
        for (PhaseResult phase : phases) {
            out.append("threads added by ").append(phase.name()).append(" (at the peak-in-flight sample): ")
                    .append(census(phase.threadsAdded())).append('\n');
        }
        return out.toString();
    }

    private static String census(Map<String, Integer> threads) {
        if (threads.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        threads.forEach((name, count) -> parts.add(name + " ×" + count));
        return String.join(", ", parts);
    }

    private void line(StringBuilder out, String label, Function<PhaseResult, String> cell, Difference difference) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        phases.forEach(phase -> cells.add(cell.apply(phase)));
        if (phases.size() == 2) {
            cells.add(difference == null ? "" : difference.between(phases.get(0), phases.get(1)));
        }
        out.append(row(cells));
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }

    static String micros(double micros) {
        return String.format(Locale.ROOT, "%,.0f µs", micros);
    }

    static String bytes(long bytes) {
        long magnitude = Math.abs(bytes);
        if (magnitude < 1024) {
            return String.format(Locale.ROOT, "%,d B", bytes);
        }
        if (magnitude < 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (magnitude < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String signedBytes(long bytes) {
        return (bytes >= 0 ? "+" : "") + bytes(bytes);
    }

    private static String signed(int value) {
        return (value >= 0 ? "+" : "") + value;
    }

    /** A cell comparing the second phase with the first. */
    @FunctionalInterface
    private interface Difference {
        String between(PhaseResult first, PhaseResult second);
    }
}
