package io.imagine4j.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one measured phase of a load run did and cost. Heap figures are bytes in use after a full
 * collection; CPU is the whole process's, without the harness's own forced collections.
 *
 * @param name            what ran ("raw HTTP", "imagine4j"…)
 * @param jobs            jobs handed to the client
 * @param succeeded       jobs that ended with a video (downloaded, in a download run)
 * @param failed          jobs that ended otherwise
 * @param endedTwice      jobs the client reported as ended more than once (must be 0)
 * @param wall            from the first submit to the last job's end
 * @param calls           what the backend received during the phase
 * @param timesToResult   each finished job's time from submit to end, in nanoseconds, sorted
 * @param detectionLags   each finished job's time from the backend's end of it to the client's, in microseconds, sorted
 * @param threadsBefore   live threads of this JVM just before the first submit
 * @param threadsAdded    threads alive at the peak-in-flight sample and not before, by name pattern
 * @param peakThreads     most live threads of this JVM at once during the phase
 * @param heapIdle        heap in use with the client built and no job submitted
 * @param heapAtPeak      heap in use once every job was accepted, before the first ended
 * @param inFlightAtPeak  jobs accepted and not ended when {@code heapAtPeak} was taken
 * @param heapAfter       heap in use once every job ended, the client still open
 * @param spent           what this JVM spent during the phase (CPU, GC, JIT), without the harness's forced collection
 * @param allocatedBytes  bytes allocated by the threads doing the work, or -1 when not measured
 * @param backendCpu      CPU time of the backend (the simulator's process), zero when in-process
 * @param failures        a few failures, for the report
 */
public record PhaseResult(String name, int jobs, int succeeded, int failed, int endedTwice, Duration wall,
                          CallCounts calls, long[] timesToResult, long[] detectionLags, int threadsBefore, Map<String, Integer> threadsAdded,
                          int peakThreads, long heapIdle, long heapAtPeak, int inFlightAtPeak, long heapAfter,
                          JvmUsage spent, long allocatedBytes,
                          Duration backendCpu, List<String> failures) {

    public PhaseResult {
        threadsAdded = new TreeMap<>(threadsAdded);
        failures = List.copyOf(failures);
    }

    /** The same result under another name (a warm-up judged as its phase). */
    PhaseResult renamed(String newName) {
        return new PhaseResult(newName, jobs, succeeded, failed, endedTwice, wall, calls, timesToResult, detectionLags,
                threadsBefore, threadsAdded, peakThreads, heapIdle, heapAtPeak, inFlightAtPeak, heapAfter, spent,
                allocatedBytes, backendCpu, failures);
    }

    /** Threads alive at {@code after} and not at {@code before} (two censuses: id to name pattern), counted by pattern. */
    static Map<String, Integer> added(Map<Long, String> before, Map<Long, String> after) {
        Map<String, Integer> added = new TreeMap<>();
        after.forEach((id, name) -> {
            if (!before.containsKey(id)) {
                added.merge(name, 1, Integer::sum);
            }
        });
        return added;
    }

    public double jobsPerSecond() {
        double seconds = wall.toNanos() / 1e9;
        return seconds == 0 ? 0 : succeeded / seconds;
    }

    /** The time to result below which {@code percent} % of jobs ended. */
    public Duration percentile(double percent) {
        if (timesToResult.length == 0) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(percent / 100.0 * timesToResult.length) - 1;
        return Duration.ofNanos(timesToResult[Math.max(0, Math.min(rank, timesToResult.length - 1))]);
    }

    /** The completion-detection lag below which {@code percent} % of jobs were seen to end (real time). */
    public Duration lagPercentile(double percent) {
        if (detectionLags.length == 0) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(percent / 100.0 * detectionLags.length) - 1;
        return Duration.ofNanos(1_000 * detectionLags[Math.max(0, Math.min(rank, detectionLags.length - 1))]);
    }

    /** Threads the phase added to the JVM at its peak. */
    public int addedThreads() {
        return peakThreads - threadsBefore;
    }

    /**
     * Heap per job in flight: the heap grown from idle to peak, divided by the jobs in flight at
     * the peak. It holds everything a job keeps alive while it waits: the client's records of it,
     * scheduled tasks, futures, the harness's bookkeeping (the same for both clients), and, for
     * an in-process backend, the backend's own record of the job.
     */
    public long heapPerJobInFlight() {
        return inFlightAtPeak == 0 ? 0 : Math.max(0, heapAtPeak - heapIdle) / inFlightAtPeak;
    }

    /** Heap still held per job once all ended (e.g. a job store's records), the client open. */
    public long heapRetainedPerJob() {
        return Math.max(0, heapAfter - heapIdle) / jobs;
    }

    /** CPU of the whole process per job: the application's threads, the JIT compilers and the collectors. */
    public double cpuMicrosPerJob() {
        return spent.cpu().toNanos() / 1e3 / jobs;
    }

    /** CPU of the Java threads per job: the work itself, without JIT compilation and garbage collection. */
    public double javaThreadCpuMicrosPerJob() {
        return spent.javaThreads().toNanos() / 1e3 / jobs;
    }

    /** Bytes allocated per job: by the measured threads (virtual run), else by every Java thread of the phase. */
    public long allocatedBytesPerJob() {
        long bytes = allocatedBytes >= 0 ? allocatedBytes : spent.allocated();
        return bytes < 0 ? -1 : bytes / jobs;
    }

    /** Bytes every Java thread allocated per call the backend received, or -1. */
    public long allocatedBytesPerCall() {
        return spent.allocated() < 0 || calls.total() == 0 ? -1 : spent.allocated() / calls.total();
    }

    /** CPU of the Java threads per call the backend received. */
    public double javaThreadCpuMicrosPerCall() {
        return calls.total() == 0 ? 0 : spent.javaThreads().toNanos() / 1e3 / calls.total();
    }

    /** Polls the backend received per job. */
    public double pollsPerJob() {
        return (double) calls.polls() / jobs;
    }

    /** Calls the backend received per job. */
    public double callsPerJob() {
        return (double) calls.total() / jobs;
    }

    /** What is wrong with this phase, if anything: the run's correctness conditions. */
    public List<String> problems(boolean downloads) {
        return problems(downloads, true);
    }

    /** The same, for a client that may find every job's end without polling ({@code pollsRequired} false: push). */
    public List<String> problems(boolean downloads, boolean pollsRequired) {
        List<String> problems = new ArrayList<>();
        if (succeeded != jobs) {
            problems.add(name + ": " + succeeded + " of " + jobs + " jobs succeeded (" + failed + " failed) " + failures);
        }
        if (endedTwice != 0) {
            problems.add(name + ": " + endedTwice + " jobs were reported as ended twice");
        }
        if (calls.submits() != jobs) {
            problems.add(name + ": the backend received " + calls.submits() + " submits for " + jobs + " jobs");
        }
        if (pollsRequired && calls.polls() < jobs) {
            problems.add(name + ": only " + calls.polls() + " polls for " + jobs + " jobs");
        }
        if (downloads && calls.downloads() != jobs) {
            problems.add(name + ": " + calls.downloads() + " downloads for " + jobs + " jobs");
        }
        if (calls.errors() != 0) {
            problems.add(name + ": the backend refused or dropped " + calls.errors() + " calls");
        }
        if (calls.leaks() != 0) {
            problems.add(name + ": " + calls.leaks() + " downloads carried the API key");
        }
        return problems;
    }
}
