package io.imagine4j.testkit.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A simulator's notion of now. {@link #manual()} stands still until a test moves it with
 * {@link #advance}, so nothing in a test ever waits for real time; {@link #system()} follows the
 * wall clock (the standalone server), and {@link #advance} still skips it ahead, so a job can be
 * finished early by hand. Anything that waits on simulator time (a slow body, a keep-alive) waits
 * through {@link #awaitUntil}, which wakes on every advance; a waiter that also waits for something
 * else (an event stream waiting for the next job to end) uses {@link #awaitChange}, which
 * {@link #wake} also ends.
 *
 * <pre>{@code
 * SimulatorClock clock = SimulatorClock.manual();
 * clock.advance(Duration.ofSeconds(3));    // jobs submitted before are now 3 s older
 * }</pre>
 */
public final class SimulatorClock {

    /** Where manual clocks start: a fixed, recognisable instant, so journals read the same every run. */
    public static final Instant MANUAL_EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private final Clock source;
    private final boolean manual;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private Duration offset = Duration.ZERO;
    private long changes;

    private SimulatorClock(Clock source, boolean manual) {
        this.source = source;
        this.manual = manual;
    }

    /** A clock that moves only when told to, starting at {@link #MANUAL_EPOCH}. */
    public static SimulatorClock manual() {
        return manual(MANUAL_EPOCH);
    }

    public static SimulatorClock manual(Instant start) {
        return new SimulatorClock(Clock.fixed(Objects.requireNonNull(start, "start"), ZoneOffset.UTC), true);
    }

    /** The wall clock (plus whatever {@link #advance} added). */
    public static SimulatorClock system() {
        return new SimulatorClock(Clock.systemUTC(), false);
    }

    public boolean isManual() {
        return manual;
    }

    public Instant now() {
        lock.lock();
        try {
            return source.instant().plus(offset);
        } finally {
            lock.unlock();
        }
    }

    /** Moves time forward and wakes everything waiting on it. */
    public void advance(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, got " + delay);
        }
        lock.lock();
        try {
            offset = offset.plus(delay);
            changes++;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A count that grows with every {@link #advance} and {@link #wake}: read it before looking at
     * what you wait for, then pass it to {@link #awaitChange}, so a change in between is never missed.
     */
    public long changes() {
        lock.lock();
        try {
            return changes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes every thread waiting in {@link #awaitChange} without moving time: something it waits
     * for besides time has happened (a job was created, an event published). Threads in
     * {@link #awaitUntil} re-check their deadline and wait on.
     */
    public void wake() {
        lock.lock();
        try {
            changes++;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until this clock reads {@code deadline} or later, or until it has changed since
     * {@code seen} (a {@link #changes()} reading): an advance or a {@link #wake}. On the system clock
     * the deadline comes in real time, so a waiter there needs no advance to wake.
     *
     * <pre>{@code
     * long seen = clock.changes();
     * Instant next = earliestThingDue();              // look, after reading the count
     * clock.awaitChange(seen, next);                 // returns at once if anything changed meanwhile
     * }</pre>
     *
     * @return whether the deadline was reached (false: woken by a change first)
     * @throws InterruptedException when the waiting thread is interrupted (a reset or close)
     */
    public boolean awaitChange(long seen, Instant deadline) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Instant now = source.instant().plus(offset);
                if (!now.isBefore(deadline)) {
                    return true;
                }
                if (changes != seen) {
                    return false;
                }
                if (manual) {
                    moved.await();
                } else {
                    long nanos = Duration.between(now, deadline).toNanos();
                    moved.await(Math.max(1, nanos), TimeUnit.NANOSECONDS);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until this clock reads {@code deadline} or later: on a manual clock until advanced that
     * far, on the system clock for the remaining real time.
     *
     * @throws InterruptedException when the waiting thread is interrupted (a reset or close)
     */
    public void awaitUntil(Instant deadline) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Instant now = source.instant().plus(offset);
                if (!now.isBefore(deadline)) {
                    return;
                }
                if (manual) {
                    moved.await();
                } else {
                    long nanos = Duration.between(now, deadline).toNanos();
                    moved.await(Math.max(1, nanos), TimeUnit.NANOSECONDS);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return (manual ? "manual clock at " : "system clock at ") + now();
    }
}
