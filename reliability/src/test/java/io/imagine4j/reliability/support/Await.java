package io.imagine4j.reliability.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits, bounded, for a condition that something else (a garbage collection, a thread ending, a
 * socket closing) makes true, looking again every 20 ms: what Awaitility does, for the few waits on
 * the JVM itself that no event signals.
 */
public final class Await {

    private Await() {
    }

    /** Waits until {@code condition} holds, running {@code between} before each look; fails after {@code timeout}. */
    public static void until(String what, Duration timeout, Runnable between, BooleanSupplier condition) {
        until(() -> what, timeout, between, condition);
    }

    /** {@link #until(String, Duration, Runnable, BooleanSupplier)}, describing what is awaited (and what is) only on failure. */
    public static void until(Supplier<String> what, Duration timeout, Runnable between, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            between.run();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                assertThat(condition.getAsBoolean()).as("%s within %s", what.get(), timeout).isTrue();
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
