package io.imagine4j.core.time;

import io.imagine4j.core.port.out.Scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real-time {@link Scheduler}: a small pool of daemon threads shared by every job, so
 * thousands of jobs in flight cost a handful of threads, not one each.
 *
 * <pre>{@code
 * Scheduler scheduler = SystemScheduler.withThreads(4);
 * }</pre>
 */
public final class SystemScheduler implements Scheduler {

    private static final System.Logger LOG = System.getLogger(SystemScheduler.class.getName());
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock;

    private SystemScheduler(int threads, Clock clock) {
        if (threads < 1) {
            throw new IllegalArgumentException("A scheduler needs at least one thread, got " + threads);
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "imagine4j-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = new ScheduledThreadPoolExecutor(threads, factory);
        this.executor.setRemoveOnCancelPolicy(true);
        this.clock = clock;
    }

    public static SystemScheduler withThreads(int threads) {
        return new SystemScheduler(threads, Clock.systemUTC());
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    /** Runs {@code task} after {@code delay}; once closed, a task is dropped, as the ones still waiting are. */
    @Override
    public Task schedule(Duration delay, Runnable task) {
        try {
            var future = executor.schedule(() -> runReporting(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            // A poll that ends while the service closes schedules its successor into a stopped pool.
            return () -> { };
        }
    }

    @Override
    public boolean waitFor(CompletableFuture<?> future, Duration timeout) throws InterruptedException {
        try {
            future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return future.isDone();
        } catch (ExecutionException e) {
            return true;
        } catch (java.util.concurrent.CancellationException e) {
            return true;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static void runReporting(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            // A scheduled task has no caller to throw to: say so rather than lose it.
            LOG.log(System.Logger.Level.ERROR, "imagine4j task failed", e);
        }
    }
}
