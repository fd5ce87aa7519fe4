package io.imagine4j.benchmarks.load;

import java.time.Duration;

/**
 * One download of the download run.
 *
 * @param name        who downloaded
 * @param bytes       bytes written to the target file
 * @param wall        from the request to the file in place
 * @param heapIdle    heap in use after a collection, just before the download
 * @param heapAfterGc the highest live heap (after a full collection) sampled during the download
 * @param heapUsed    the highest heap in use sampled during the download, garbage included
 * @param spent       what this JVM spent during the download
 */
public record DownloadResult(String name, long bytes, Duration wall, long heapIdle, long heapAfterGc, long heapUsed,
                             JvmUsage spent) {

    /** Bytes per second. */
    public double throughput() {
        double seconds = wall.toNanos() / 1e9;
        return seconds == 0 ? 0 : bytes / seconds;
    }

    /** Heap the download kept alive at its worst: live data, not garbage. */
    public long heapGrowth() {
        return Math.max(0, heapAfterGc - heapIdle);
    }
}
