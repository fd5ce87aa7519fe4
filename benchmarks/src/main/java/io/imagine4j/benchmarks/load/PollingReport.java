package io.imagine4j.benchmarks.load;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers of one polling run: per job time and client, polls per job and completion-detection
 * lag (from the backend's end of a job to the client's), in job time, with imagine4j's polls and
 * p99 lag against the first client's (the docs' loop, by default).
 *
 * <pre>{@code
 * PollingReport report = LoadHarness.polling(LoadOptions.parse("--polling"), System.err);
 * System.out.print(report.render());
 * }</pre>
 *
 * @param options what ran
 * @param sweeps  the phases of each job time, baseline first
 * @param at      when the run ended
 */
public record PollingReport(LoadOptions options, Map<Duration, List<PhaseResult>> sweeps, ZonedDateTime at) {

    public PollingReport {
        sweeps = new LinkedHashMap<>(sweeps);
    }

    public List<String> problems() {
        List<String> all = new ArrayList<>();
        sweeps.values().forEach(phases -> phases.forEach(phase -> all.addAll(phase.problems(false,
                LoadReport.pollsRequired(options, phase)))));
        return all;
    }

    public String command() {
        List<String> times = options.jobTimes().stream().map(t -> t.toMillis() + "ms").toList();
        double k = options.timeScale();
        return "java -jar benchmarks/target/imagine4j-benchmarks.jar load --polling --provider " + options.provider().key()
                + " --jobs " + options.jobs() + " --job-times " + String.join(",", times) + " --threads " + options.threads()
                + " --warmup " + options.warmup() + " --time-scale " + (k == Math.rint(k) ? String.valueOf((long) k) : k)
                + " --clients " + String.join(",", options.clients().stream().map(ClientKind::key).toList());
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(LoadReport.machine(at)).append('\n').append(command()).append('\n');
        out.append("Jobs report linear progress. Time scale ").append(options.timeScale())
                .append(": every job time, poll wait and poll hint is divided by it; lags are in job time.\n\n");
        out.append("| job time | client | polls per job | detection lag p50 | detection lag p99 | polls ÷ first | p99 lag − first |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|\n");
        sweeps.forEach((length, phases) -> {
            PhaseResult first = phases.get(0);
            for (PhaseResult phase : phases) {
                boolean base = phase == first;
                out.append("| ").append(length.toSeconds()).append(" s | ").append(phase.name()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", phase.pollsPerJob())).append(" | ")
                        .append(LoadReport.seconds(scaled(phase.lagPercentile(50)))).append(" | ")
                        .append(LoadReport.seconds(scaled(phase.lagPercentile(99)))).append(" | ")
                        .append(base ? "" : LoadReport.ratio(phase.pollsPerJob(), first.pollsPerJob())).append(" | ")
                        .append(base ? "" : String.format(Locale.ROOT, "%+.2f s",
                                (scaled(phase.lagPercentile(99)).toNanos() - scaled(first.lagPercentile(99)).toNanos()) / 1e9))
                        .append(" |\n");
            }
        });
        return out.toString();
    }

    private Duration scaled(Duration real) {
        return Duration.ofNanos(Math.round(real.toNanos() * options.timeScale()));
    }
}
