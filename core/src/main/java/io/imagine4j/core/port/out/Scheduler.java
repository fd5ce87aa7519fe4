package io.imagine4j.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Time for the service: what time it is, and running work later on a small shared pool. Every
 * wait in imagine4j goes through this, so tests run on a virtual clock.
 */
public interface Scheduler extends AutoCloseable {

    Instant now();

    /** Runs {@code task} once, after {@code delay}, on one of the scheduler's threads. */
    Task schedule(Duration delay, Runnable task);

    /**
     * Blocks the calling thread until {@code future} completes or {@code timeout} has passed as
     * this scheduler counts time; answers whether it completed. A virtual scheduler moves its clock
     * forward instead of blocking, running the tasks that fall due, so tests never wait for real.
     */
    boolean waitFor(CompletableFuture<?> future, Duration timeout) throws InterruptedException;

    /** Blocks the calling thread for {@code delay} as this scheduler counts time. */
    default void sleep(Duration delay) throws InterruptedException {
        waitFor(new CompletableFuture<Void>(), delay);
    }

    /** Stops the scheduler's threads; tasks not yet run are dropped. */
    @Override
    void close();

    /** A scheduled task. */
    interface Task {
        /** Prevents the task from running, if it has not started. */
        void cancel();
    }
}
