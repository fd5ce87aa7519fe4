package io.imagine4j.benchmarks.load;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this JVM spends: live and peak threads, heap in use after a full collection, CPU time of
 * the whole process, and bytes allocated by given threads. Reads the platform MXBeans, including
 * HotSpot's {@code com.sun.management} extensions.
 *
 * <pre>{@code
 * JvmProbe jvm = JvmProbe.current();
 * long before = jvm.heapAfterGc();
 * }</pre>
 */
public final class JvmProbe {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();

    private JvmProbe() {
    }

    public static JvmProbe current() {
        return new JvmProbe();
    }

    /** Threads alive now. */
    public int liveThreads() {
        return threads.getThreadCount();
    }

    /** Starts counting the peak of live threads again from now. */
    public void resetPeakThreads() {
        threads.resetPeakThreadCount();
    }

    /** The most threads alive at once since the last {@link #resetPeakThreads}. */
    public int peakThreads() {
        return threads.getPeakThreadCount();
    }

    /**
     * Heap in use once garbage is gone: two full collections (the second catches what the first
     * only made unreachable, such as objects held by finalizable or weakly referenced ones).
     */
    public long heapAfterGc() {
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** CPU time of the whole process, all threads (including GC and JIT compiler threads), in nanoseconds. */
    public long processCpuNanos() {
        return os.getProcessCpuTime();
    }

    /** What the JVM spent so far; {@link Reading#since} turns two readings into a {@link JvmUsage}. */
    public Reading read() {
        return new Reading(processCpuNanos(), javaThreadCpu(), gcTime(), jitTime(), javaThreadAllocated());
    }

    /** Counters at one moment. */
    public record Reading(long processCpuNanos, Map<Long, Long> threadCpu, Duration gc, Duration jit,
                          Map<Long, Long> threadAllocated) {

        /** What was spent from {@code earlier} to this reading. */
        public JvmUsage since(Reading earlier) {
            return new JvmUsage(Duration.ofNanos(processCpuNanos - earlier.processCpuNanos),
                    javaThreadCpuBetween(earlier.threadCpu, threadCpu), gc.minus(earlier.gc), jit.minus(earlier.jit),
                    threadAllocated.isEmpty() ? -1 : countersBetween(earlier.threadAllocated, threadAllocated));
        }
    }

    /**
     * Bytes allocated so far by every live Java thread, by thread id; empty when the JVM cannot
     * tell. Unlike CPU time, allocation does not depend on the machine's load or on the JIT's
     * progress (escape analysis aside): the steadiest measure of how much work a client does.
     */
    Map<Long, Long> javaThreadAllocated() {
        if (!(threads instanceof com.sun.management.ThreadMXBean hotspot) || !hotspot.isThreadAllocatedMemorySupported()
                || !hotspot.isThreadAllocatedMemoryEnabled()) {
            return Map.of();
        }
        long[] ids = threads.getAllThreadIds();
        long[] bytes = hotspot.getThreadAllocatedBytes(ids);
        Map<Long, Long> allocated = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                allocated.put(ids[i], bytes[i]);
            }
        }
        return allocated;
    }

    private static long countersBetween(Map<Long, Long> before, Map<Long, Long> after) {
        long total = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            total += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
        }
        return total;
    }

    /**
     * CPU time so far of every live Java thread, by thread id. JIT compiler and GC threads are not
     * Java threads the JVM lists, so the sum is the application's own CPU.
     */
    Map<Long, Long> javaThreadCpu() {
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /**
     * CPU the Java threads spent between two {@link #javaThreadCpu()} readings: threads born in
     * between count from zero; threads that died in between are missed.
     */
    static Duration javaThreadCpuBetween(Map<Long, Long> before, Map<Long, Long> after) {
        long total = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            total += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
        }
        return Duration.ofNanos(total);
    }

    /** Time spent in garbage collections so far, by every collector. */
    public Duration gcTime() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            millis += Math.max(0, collector.getCollectionTime());
        }
        return Duration.ofMillis(millis);
    }

    /** Time the JIT compilers spent so far (zero when the JVM does not tell). */
    public Duration jitTime() {
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? Duration.ofMillis(compiler.getTotalCompilationTime()) : Duration.ZERO;
    }

    /**
     * Live threads by id, each with its name's pattern: numbers between dashes replaced by
     * {@code #} ({@code HttpClient-#-Worker-#}), so that a pool reads as one line.
     */
    public Map<Long, String> threadCensus() {
        Map<Long, String> census = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            census.put(thread.getId(), thread.getName().replaceAll("(?<=-)\\d+(?=-|$)", "#"));
        }
        return census;
    }

    /** Bytes allocated so far by the given threads (still alive), or -1 when the JVM cannot tell. */
    public long allocatedBytes(Collection<Thread> of) {
        if (!(threads instanceof com.sun.management.ThreadMXBean hotspot) || !hotspot.isThreadAllocatedMemorySupported()
                || !hotspot.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        long total = 0;
        for (Thread thread : of) {
            long bytes = hotspot.getThreadAllocatedBytes(thread.getId());
            if (bytes < 0) {
                return -1;
            }
            total += bytes;
        }
        return total;
    }
}
