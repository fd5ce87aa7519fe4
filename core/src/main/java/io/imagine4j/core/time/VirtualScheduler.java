package io.imagine4j.core.time;

import io.imagine4j.core.port.out.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Scheduler} on a virtual clock, for tests: time stands still until {@link #advance}
 * moves it, and then every task that falls due runs, in order of due time. Waiting through
 * {@link #waitFor} moves the clock instead of blocking, so a ten-minute deadline passes in
 * microseconds.
 *
 * <p>By default tasks run on the thread that advances the clock. Given an executor, the tasks due
 * at one instant run on its threads concurrently, and the clock moves on once they are all done:
 * that proves a service works with a bounded pool.
 *
 * <pre>{@code
 * VirtualScheduler time = VirtualScheduler.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * VideoJobs jobs = VideoJobService.builder(provider).scheduler(time).build();
 * jobs.submit(request);
 * time.advance(Duration.ofSeconds(30));
 * }</pre>
 */
public final class VirtualScheduler implements Scheduler {

    /** Where virtual time starts unless told otherwise. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final Object lock = new Object();
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService executor;
    private Instant now;
    private boolean closed;
    private int live; // entries queued and not cancelled

    private VirtualScheduler(Instant start, ExecutorService executor) {
        this.now = start;
        this.executor = executor;
    }

    public static VirtualScheduler create() {
        return new VirtualScheduler(EPOCH, null);
    }

    public static VirtualScheduler startingAt(Instant start) {
        return new VirtualScheduler(start, null);
    }

    /** Runs the tasks due at each instant on {@code executor}'s threads, concurrently. */
    public static VirtualScheduler onExecutor(ExecutorService executor) {
        return new VirtualScheduler(EPOCH, executor);
    }

    @Override
    public Instant now() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public Task schedule(Duration delay, Runnable task) {
        synchronized (lock) {
            Entry entry = new Entry(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence.incrementAndGet(), task);
            if (!closed) {
                queue.add(entry);
                live++;
            }
            // Cancelling marks the entry and leaves it in the queue until it falls due: a search of
            // the queue per cancel would make a run of many jobs quadratic.
            return () -> {
                synchronized (lock) {
                    if (!entry.cancelled && !closed && entry.queued) {
                        entry.cancelled = true;
                        live--;
                    }
                }
            };
        }
    }

    /** Moves the clock forward by {@code delay}, running every task that falls due on the way. */
    public void advance(Duration delay) {
        Instant target;
        synchronized (lock) {
            target = now.plus(delay);
        }
        runUntil(target);
    }

    /** Runs the tasks due now, and those they schedule for now, without moving the clock. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** How many tasks wait to run. */
    public int pending() {
        synchronized (lock) {
            return live;
        }
    }

    /** When the next task falls due, if any is waiting. */
    public java.util.Optional<Instant> nextDue() {
        synchronized (lock) {
            return java.util.Optional.ofNullable(first()).map(Entry::due);
        }
    }

    @Override
    public boolean waitFor(CompletableFuture<?> future, Duration timeout) {
        Instant deadline;
        synchronized (lock) {
            deadline = now.plus(timeout);
        }
        while (!future.isDone()) {
            Instant next;
            synchronized (lock) {
                Entry first = first();
                if (first == null || first.due().isAfter(deadline)) {
                    now = now.isAfter(deadline) ? now : deadline;
                    return future.isDone();
                }
                next = first.due();
            }
            runUntil(next);
        }
        return true;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            queue.clear();
            live = 0;
        }
    }

    private void runUntil(Instant target) {
        while (true) {
            List<Entry> batch = new ArrayList<>();
            synchronized (lock) {
                Entry first = first();
                if (first == null || first.due().isAfter(target)) {
                    if (target.isAfter(now)) {
                        now = target;
                    }
                    return;
                }
                if (first.due().isAfter(now)) {
                    now = first.due();
                }
                while (first() != null && !queue.peek().due().isAfter(now)) {
                    Entry due = queue.poll();
                    due.queued = false;
                    live--;
                    batch.add(due);
                }
            }
            run(batch);
        }
    }

    /** The earliest entry not cancelled, dropping cancelled ones from the head; under the lock. */
    private Entry first() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll().queued = false;
        }
        return queue.peek();
    }

    private void run(List<Entry> batch) {
        if (executor == null) {
            batch.forEach(entry -> entry.task().run());
            return;
        }
        List<Future<?>> running = new ArrayList<>(batch.size());
        for (Entry entry : batch) {
            running.add(executor.submit(entry.task()));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while virtual tasks ran", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a virtual task failed", e.getCause());
            }
        }
    }

    /** A queued task; its flags are guarded by the scheduler's lock. */
    private static final class Entry implements Comparable<Entry> {
        private final Instant due;
        private final long sequence;
        private final Runnable task;
        private boolean cancelled;
        private boolean queued = true;

        Entry(Instant due, long sequence, Runnable task) {
            this.due = due;
            this.sequence = sequence;
            this.task = task;
        }

        Instant due() {
            return due;
        }

        Runnable task() {
            return task;
        }

        @Override
        public int compareTo(Entry other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
