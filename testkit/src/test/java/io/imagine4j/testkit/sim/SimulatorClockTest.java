package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.support.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorClockTest {

    @Test
    void aManualClockMovesOnlyWhenAdvanced() {
        SimulatorClock clock = SimulatorClock.manual();
        assertThat(clock.now()).isEqualTo(SimulatorClock.MANUAL_EPOCH).isEqualTo(clock.now());
        clock.advance(Duration.ofMillis(1500));
        assertThat(clock.now()).isEqualTo(SimulatorClock.MANUAL_EPOCH.plusMillis(1500));
        assertThat(clock.isManual()).isTrue();
    }

    @Test
    void timeOnlyMovesForward() {
        assertThatThrownBy(() -> SimulatorClock.manual().advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSystemClockFollowsTheWallClockPlusWhatWasAdvanced() {
        SimulatorClock clock = SimulatorClock.system();
        Instant before = Instant.now();
        clock.advance(Duration.ofHours(1));
        Instant read = clock.now();
        assertThat(read).isAfterOrEqualTo(before.plus(Duration.ofHours(1)))
                .isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(clock.isManual()).isFalse();
    }

    @Test
    void waitersWakeWhenTheClockReachesTheirDeadline() throws Exception {
        SimulatorClock clock = SimulatorClock.manual();
        Instant deadline = clock.now().plusSeconds(10);
        Thread[] waiter = new Thread[1];
        CompletableFuture<Instant> woke = CompletableFuture.supplyAsync(() -> {
            waiter[0] = Thread.currentThread();
            try {
                clock.awaitUntil(deadline);
                return clock.now();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("the waiter parks", () -> waiter[0] != null && waiter[0].getState() == Thread.State.WAITING);
        clock.advance(Duration.ofSeconds(4));
        assertThat(woke).isNotDone(); // 4 s of 10: it cannot have finished, whenever it re-checks
        assertThat(clock.now()).isBefore(deadline);
        clock.advance(Duration.ofSeconds(6));
        assertThat(woke.get(5, TimeUnit.SECONDS)).isEqualTo(deadline);
    }

    @Test
    void aWaitEndsWithAnInterrupt() {
        SimulatorClock clock = SimulatorClock.manual();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> clock.awaitUntil(clock.now().plusSeconds(1))).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aPastDeadlineDoesNotWait() throws InterruptedException, ExecutionException {
        SimulatorClock clock = SimulatorClock.system();
        clock.awaitUntil(Instant.now().minusSeconds(1));
        assertThat(clock.now()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void aWakeEndsAWaitForAChangeWithoutMovingTime() throws Exception {
        SimulatorClock clock = SimulatorClock.manual();
        long seen = clock.changes();
        Thread[] waiter = new Thread[1];
        CompletableFuture<Boolean> woke = CompletableFuture.supplyAsync(() -> {
            waiter[0] = Thread.currentThread();
            try {
                return clock.awaitChange(seen, clock.now().plusSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("the waiter parks", () -> waiter[0] != null && waiter[0].getState() == Thread.State.WAITING);
        clock.wake();
        assertThat(woke.get(5, TimeUnit.SECONDS)).as("woken by the change, not the deadline").isFalse();
        assertThat(clock.now()).isEqualTo(SimulatorClock.MANUAL_EPOCH);
    }

    @Test
    void aChangeBeforeTheWaitIsNotMissed() throws InterruptedException {
        SimulatorClock clock = SimulatorClock.manual();
        long seen = clock.changes();
        clock.wake(); // between reading the count and waiting: the wait must not block
        assertThat(clock.awaitChange(seen, clock.now().plusSeconds(10))).isFalse();
        long later = clock.changes();
        clock.advance(Duration.ofSeconds(1));
        assertThat(clock.awaitChange(later, clock.now().plusSeconds(10))).isFalse();
        assertThat(clock.changes()).isEqualTo(seen + 2);
    }

    @Test
    void aWaitForAChangeEndsAtItsDeadlineOnEitherClock() throws InterruptedException {
        SimulatorClock manual = SimulatorClock.manual();
        assertThat(manual.awaitChange(manual.changes(), manual.now())).isTrue();
        SimulatorClock system = SimulatorClock.system();
        // On the wall clock the deadline comes by itself, with no advance: what lets a standalone
        // event stream notice a job ending.
        Instant deadline = system.now().plusMillis(50);
        assertThat(system.awaitChange(system.changes(), deadline)).isTrue();
        assertThat(system.now()).isAfterOrEqualTo(deadline);
    }
}
