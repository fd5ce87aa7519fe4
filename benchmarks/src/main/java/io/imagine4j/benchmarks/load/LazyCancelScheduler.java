package io.imagine4j.benchmarks.load;

import io.imagine4j.core.port.out.Scheduler;
import io.imagine4j.core.time.VirtualScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link VirtualScheduler} seen through a cancel that costs O(1): a cancelled task stays queued
 * and is skipped when it falls due. {@code VirtualScheduler}'s own cancel searches its whole
 * queue, and the service cancels a job's previous timer every time it schedules the next poll, so
 * with n jobs in flight every poll costs O(n) under the scheduler's lock. Used only with
 * {@code load --virtual --lazy-cancel}, to measure the service as it would be without that cost.
 */
final class LazyCancelScheduler implements Scheduler {

    private final VirtualScheduler time;

    LazyCancelScheduler(VirtualScheduler time) {
        this.time = time;
    }

    @Override
    public Instant now() {
        return time.now();
    }

    @Override
    public Task schedule(Duration delay, Runnable task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        time.schedule(delay, () -> {
            if (!cancelled.get()) {
                task.run();
            }
        });
        return () -> cancelled.set(true);
    }

    @Override
    public boolean waitFor(CompletableFuture<?> future, Duration timeout) {
        return time.waitFor(future, timeout);
    }

    @Override
    public void close() {
        // The run closes the virtual scheduler it shares with the fake.
    }
}
