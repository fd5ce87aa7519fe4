package io.imagine4j.benchmarks.load;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

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
        phases.forEach(phase -> all.addAll(phase.problems(options.download(), pollsRequired(options, phase))));
        return all;
    }

    /** Whether {@code phase} must have polled every job: not imagine4j on a provider that pushes completions. */
    static boolean pollsRequired(LoadOptions options, PhaseResult phase) {
        return !(options.provider().pushes() && phase.name().equals(ClientKind.IMAGINE4J.label()));
    }

    /** The command that reproduces this run. */
    public String command() {
        StringBuilder command = new StringBuilder("java -jar benchmarks/target/imagine4j-benchmarks.jar load");
        if (options.virtual()) {
            command.append(" --virtual");
        } else {
            command.append(" --provider ").append(options.provider().key());
        }
        command.append(" --jobs ").append(options.jobs()).append(" --job-time ").append(options.jobTime().toMillis())
                .append("ms --threads ").append(options.threads()).append(" --warmup ").append(options.warmup());
        if (!options.virtual()) {
            command.append(" --time-scale ").append(scale()).append(" --clients ")
                    .append(String.join(",", options.clients().stream().map(ClientKind::key).toList()));
        }
        return command.append(options.download() ? " --download" : "").toString();
    }

    private String scale() {
        double k = options.timeScale();
        return k == Math.rint(k) ? String.valueOf((long) k) : String.valueOf(k);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(machine(at)).append('\n');
        out.append(command()).append("\n");
        if (options.timeScale() != 1) {
            out.append("Time scale ").append(scale()).append(": jobs of ").append(options.jobTime().toMillis())
                    .append(" ms of job time take ").append(options.realJobTime().toMillis())
                    .append(" ms; poll waits and hints are divided alike; latencies below are in job time.\n");
        }
        out.append('\n');
        return options.virtual() ? out.append(renderVirtual()).toString() : out.append(renderHttp()).toString();
    }

    /** One line naming the JDK and the machine, dated. */
    static String machine(ZonedDateTime at) {
        Runtime runtime = Runtime.getRuntime();
        return "imagine4j load run, " + at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ", JDK "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.vendor") + "), "
                + runtime.availableProcessors() + " cores, max heap " + bytes(runtime.maxMemory());
    }

    /** imagine4j (the last phase) beside each baseline, with a ratio column per baseline. */
    private String renderHttp() {
        StringBuilder out = new StringBuilder();
        PhaseResult subject = phases.get(phases.size() - 1);
        List<PhaseResult> baselines = subject.name().equals(ClientKind.IMAGINE4J.label()) ? phases.subList(0, phases.size() - 1)
                : List.of();
        List<String> header = new ArrayList<>();
        header.add("");
        phases.forEach(phase -> header.add(phase.name()));
        baselines.forEach(base -> header.add("imagine4j ÷ " + shortName(base)));
        out.append(row(header)).append(row(header.stream().map(h -> h.isEmpty() ? "---" : "---:").toList()));
        double k = options.timeScale();
        ratioLine(out, baselines, "jobs succeeded / submitted", p -> p.succeeded() + " / " + p.jobs(), null);
        ratioLine(out, baselines, "wall time, first submit → last result", p -> seconds(p.wall()), null);
        ratioLine(out, baselines, "jobs/s", p -> String.format(Locale.ROOT, "%,.0f", p.jobsPerSecond()), PhaseResult::jobsPerSecond);
        ratioLine(out, baselines, options.download() ? "backend calls: submits / polls / downloads" : "backend calls: submits / polls",
                p -> p.calls().submits() + " / " + p.calls().polls() + (options.download() ? " / " + p.calls().downloads() : ""),
                null);
        ratioLine(out, baselines, "polls per job", p -> String.format(Locale.ROOT, "%.2f", p.pollsPerJob()), PhaseResult::pollsPerJob);
        ratioLine(out, baselines, "time to result p50 / p99" + (k == 1 ? "" : " (job time)"),
                p -> seconds(scaled(p.percentile(50))) + " / " + seconds(scaled(p.percentile(99))), null);
        ratioLine(out, baselines, "detection lag p50 / p99" + (k == 1 ? "" : " (job time)"),
                p -> seconds(scaled(p.lagPercentile(50))) + " / " + seconds(scaled(p.lagPercentile(99))),
                p -> p.lagPercentile(99).toNanos());
        ratioLine(out, baselines, "JVM live threads before → peak", p -> p.threadsBefore() + " → " + p.peakThreads()
                + " (+" + p.addedThreads() + ")", p -> p.addedThreads());
        ratioLine(out, baselines, "heap after GC: idle → peak in flight", p -> bytes(p.heapIdle()) + " → "
                + bytes(p.heapAtPeak()) + " (" + p.inFlightAtPeak() + " jobs)", null);
        ratioLine(out, baselines, "heap per job in flight", p -> bytes(p.heapPerJobInFlight()), p -> p.heapPerJobInFlight());
        ratioLine(out, baselines, "heap retained per job after all ended", p -> bytes(p.heapRetainedPerJob()), null);
        ratioLine(out, baselines, "CPU of this JVM: process / Java threads", p -> seconds(p.spent().cpu()) + " / "
                + seconds(p.spent().javaThreads()), null);
        ratioLine(out, baselines, "JIT compile time / GC time in the phase", p -> seconds(p.spent().jit()) + " / "
                + seconds(p.spent().gc()), null);
        ratioLine(out, baselines, "CPU per job: process", p -> micros(p.cpuMicrosPerJob()), PhaseResult::cpuMicrosPerJob);
        ratioLine(out, baselines, "CPU per job: Java threads (no JIT, no GC)", p -> micros(p.javaThreadCpuMicrosPerJob()),
                PhaseResult::javaThreadCpuMicrosPerJob);
        ratioLine(out, baselines, "CPU per backend call: Java threads", p -> micros(p.javaThreadCpuMicrosPerCall()),
                PhaseResult::javaThreadCpuMicrosPerCall);
        ratioLine(out, baselines, "allocated per job / per backend call (all Java threads)",
                p -> bytes(p.allocatedBytesPerJob()) + " / " + bytes(p.allocatedBytesPerCall()),
                p -> p.allocatedBytesPerCall());
        ratioLine(out, baselines, "simulator CPU (its own JVM)", p -> seconds(p.backendCpu()), null);
        out.append('\n');
        for (PhaseResult phase : phases) {
            out.append("threads added by ").append(phase.name()).append(" (at the peak-in-flight sample): ")
                    .append(census(phase.threadsAdded())).append('\n');
        }
        return out.toString();
    }

    private Duration scaled(Duration real) {
        return Duration.ofNanos(Math.round(real.toNanos() * options.timeScale()));
    }

    /** The baseline's short name in a column header: its letter, or the SDK's name. */
    private static String shortName(PhaseResult phase) {
        String name = phase.name();
        int open = name.lastIndexOf('(');
        return open >= 0 ? name.substring(open) : name;
    }

    private void ratioLine(StringBuilder out, List<PhaseResult> baselines, String label, Function<PhaseResult, String> cell,
                           ToDoubleFunction<PhaseResult> compared) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        phases.forEach(phase -> cells.add(cell.apply(phase)));
        PhaseResult subject = phases.get(phases.size() - 1);
        for (PhaseResult base : baselines) {
            cells.add(compared == null ? "" : ratio(compared.applyAsDouble(subject), compared.applyAsDouble(base)));
        }
        out.append(row(cells));
    }

    static String ratio(double value, double base) {
        if (base == 0) {
            return value == 0 ? "=" : "n/a";
        }
        return String.format(Locale.ROOT, "%.2f×", value / base);
    }

    /** The virtual run: the fake alone, imagine4j on it, and the difference. */
    private String renderVirtual() {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("");
        phases.forEach(phase -> header.add(phase.name()));
        boolean compared = phases.size() == 2;
        if (compared) {
            header.add(phases.get(1).name() + " − " + phases.get(0).name());
        }
        out.append(row(header)).append(row(header.stream().map(h -> h.isEmpty() ? "---" : "---:").toList()));
        line(out, "jobs succeeded / submitted", p -> p.succeeded() + " / " + p.jobs(), null);
        line(out, "wall time, first submit → last end (real)", p -> seconds(p.wall()), null);
        line(out, "jobs/s", p -> String.format(Locale.ROOT, "%,.0f", p.jobsPerSecond()), null);
        line(out, "backend calls: submits / polls", p -> p.calls().submits() + " / " + p.calls().polls(), null);
        line(out, "calls per job", p -> String.format(Locale.ROOT, "%.2f", p.callsPerJob()),
                compared ? (a, b) -> String.format(Locale.ROOT, "%+.2f", b.callsPerJob() - a.callsPerJob()) : null);
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
        line(out, "allocated per job (worker + driver threads)", p -> p.allocatedBytesPerJob() < 0 ? "n/a"
                : bytes(p.allocatedBytesPerJob()), compared ? (a, b) -> a.allocatedBytesPerJob() < 0 ? "n/a"
                : signedBytes(b.allocatedBytesPerJob() - a.allocatedBytesPerJob()) : null);
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
