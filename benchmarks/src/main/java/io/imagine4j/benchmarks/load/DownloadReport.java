package io.imagine4j.benchmarks.load;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The numbers of one download run: each round's downloads, then the median round of each client
 * and imagine4j's throughput against raw HTTP's.
 *
 * <pre>{@code
 * DownloadReport report = LoadHarness.download(LoadOptions.parse("--download-size", "1g"), System.err);
 * System.out.print(report.render());
 * }</pre>
 *
 * @param options what ran
 * @param results every measured download, in order
 * @param at      when the run ended
 */
public record DownloadReport(LoadOptions options, List<DownloadResult> results, ZonedDateTime at) {

    public DownloadReport {
        results = List.copyOf(results);
    }

    public String command() {
        return "java -jar benchmarks/target/imagine4j-benchmarks.jar load --download-size " + options.downloadBytes()
                + " --jobs " + options.jobs();
    }

    /** The median download (by throughput) of the client named {@code name}. */
    public DownloadResult median(String name) {
        List<DownloadResult> mine = new ArrayList<>(results.stream().filter(r -> r.name().equals(name)).toList());
        mine.sort(Comparator.comparingDouble(DownloadResult::throughput));
        return mine.get(mine.size() / 2);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(LoadReport.machine(at)).append('\n').append(command()).append("\n\n");
        out.append("| download of ").append(LoadReport.bytes(options.downloadBytes()))
                .append(" | time | throughput | heap after GC: idle → peak (growth) | heap in use, peak (garbage included) | CPU: process / Java threads |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (DownloadResult result : results) {
            out.append(row(result.name(), result));
        }
        List<String> names = results.stream().map(DownloadResult::name).distinct().toList();
        if (names.size() == 2) {
            DownloadResult raw = median(names.get(0));
            DownloadResult library = median(names.get(1));
            out.append('\n').append("| median of ").append(results.size() / 2).append(" | throughput | heap growth |\n|---|---:|---:|\n");
            out.append("| ").append(raw.name()).append(" | ").append(mib(raw.throughput())).append(" | ")
                    .append(LoadReport.bytes(raw.heapGrowth())).append(" |\n");
            out.append("| ").append(library.name()).append(" | ").append(mib(library.throughput())).append(" | ")
                    .append(LoadReport.bytes(library.heapGrowth())).append(" |\n");
            out.append("| imagine4j ÷ raw | ").append(LoadReport.ratio(library.throughput(), raw.throughput()))
                    .append(" | ").append(LoadReport.ratio(library.heapGrowth(), raw.heapGrowth())).append(" |\n");
        }
        return out.toString();
    }

    private static String row(String name, DownloadResult result) {
        return "| " + name + " | " + LoadReport.seconds(result.wall()) + " | " + mib(result.throughput()) + " | "
                + LoadReport.bytes(result.heapIdle()) + " → " + LoadReport.bytes(result.heapAfterGc()) + " ("
                + LoadReport.bytes(result.heapGrowth()) + ") | " + LoadReport.bytes(result.heapUsed()) + " | "
                + LoadReport.seconds(result.spent().cpu()) + " / " + LoadReport.seconds(result.spent().javaThreads()) + " |\n";
    }

    private static String mib(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%,.0f MiB/s", bytesPerSecond / (1024 * 1024));
    }
}
