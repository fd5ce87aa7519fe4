package io.imagine4j.benchmarks.load;

import java.time.Duration;

/**
 * Time this JVM spent, as counted so far or between two moments.
 *
 * @param cpu       CPU time of the whole process, every thread
 * @param javaThreads CPU time of the Java threads only: the application's work, without JIT and GC
 * @param gc  time in garbage collections (pauses and concurrent work the collectors report)
 * @param jit time the JIT compilers spent compiling
 * @param allocated bytes the Java threads allocated, or -1 when the JVM does not tell
 */
public record JvmUsage(Duration cpu, Duration javaThreads, Duration gc, Duration jit, long allocated) {

    public JvmUsage minus(JvmUsage earlier) {
        return new JvmUsage(cpu.minus(earlier.cpu), javaThreads.minus(earlier.javaThreads), gc.minus(earlier.gc),
                jit.minus(earlier.jit), allocated < 0 || earlier.allocated < 0 ? -1 : allocated - earlier.allocated);
    }
}
