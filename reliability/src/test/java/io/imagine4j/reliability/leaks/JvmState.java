package io.imagine4j.reliability.leaks;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the JVM holds right now, for leak checks: its threads (by name and id) and its open file
 * descriptors ({@code /proc/self/fd}, Linux), and its used heap after full collections.
 */
final class JvmState {

    /** Threads that belong to the test run, not to the library: simulators, JUnit, surefire, the JVM. */
    private static final List<String> NOT_THE_LIBRARY = List.of("imagine4j-sim-", "junit-", "surefire-", "ForkJoinPool",
            "Common-Cleaner", "Attach Listener", "Signal Dispatcher", "Finalizer", "Reference Handler", "process reaper",
            "fuzz-", "HTTP-Dispatcher", "idle-timeout-task", "server-timer", "Notification Thread");

    private JvmState() {
    }

    /** Live threads, as "name#id", the test run's own left out. */
    static Set<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> NOT_THE_LIBRARY.stream().noneMatch(thread.getName()::startsWith))
                .map(thread -> thread.getName() + "#" + thread.getId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Threads alive now that were not in {@code before}. */
    static Set<String> newThreads(Set<String> before) {
        Set<String> now = threads();
        now.removeAll(before);
        return now;
    }

    /** How many file descriptors the process has open. */
    static int openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        if (fds == null) {
            throw new IllegalStateException("/proc/self/fd is not readable: this check needs Linux");
        }
        return fds.length;
    }

    /** Runs full collections until the used heap stops shrinking, and answers it. */
    static long heapAfterGc() {
        long previous = Long.MAX_VALUE;
        long used = usedHeap();
        for (int round = 0; round < 8 && used < previous; round++) {
            previous = used;
            System.gc();
            used = usedHeap();
        }
        return Math.min(used, previous);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
