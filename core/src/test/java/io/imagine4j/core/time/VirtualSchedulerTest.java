package io.imagine4j.core.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualSchedulerTest {

    @Test
    void runs_tasks_in_due_order_and_only_when_time_reaches_them() {
        VirtualScheduler time = VirtualScheduler.create();
        List<String> ran = new ArrayList<>();
        time.schedule(Duration.ofSeconds(2), () -> ran.add("b"));
        time.schedule(Duration.ofSeconds(1), () -> ran.add("a"));
        time.schedule(Duration.ofSeconds(2), () -> ran.add("c"));
        time.advance(Duration.ofMillis(999));
        assertThat(ran).isEmpty();
        time.advance(Duration.ofSeconds(5));
        assertThat(ran).containsExactly("a", "b", "c");
        assertThat(time.now()).isEqualTo(VirtualScheduler.EPOCH.plusSeconds(5).plusMillis(999));
    }

    @Test
    void tasks_see_their_own_due_time_and_can_schedule_more() {
        VirtualScheduler time = VirtualScheduler.create();
        List<Duration> seen = new ArrayList<>();
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            seen.add(Duration.between(VirtualScheduler.EPOCH, time.now()));
            if (seen.size() < 3) {
                time.schedule(Duration.ofSeconds(1), tick[0]);
            }
        };
        time.schedule(Duration.ofSeconds(1), tick[0]);
        time.advance(Duration.ofMinutes(1));
        assertThat(seen).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void a_cancelled_task_never_runs() {
        VirtualScheduler time = VirtualScheduler.create();
        List<String> ran = new ArrayList<>();
        time.schedule(Duration.ofSeconds(1), () -> ran.add("x")).cancel();
        time.advance(Duration.ofSeconds(2));
        assertThat(ran).isEmpty();
        assertThat(time.pending()).isZero();
    }

    @Test
    void cancelled_tasks_stop_counting_and_never_hold_time_back() {
        VirtualScheduler time = VirtualScheduler.create();
        List<String> ran = new ArrayList<>();
        var early = time.schedule(Duration.ofSeconds(1), () -> ran.add("early"));
        time.schedule(Duration.ofSeconds(5), () -> ran.add("late"));
        early.cancel();
        early.cancel();
        assertThat(time.pending()).isEqualTo(1);
        assertThat(time.nextDue()).contains(VirtualScheduler.EPOCH.plusSeconds(5));
        time.advance(Duration.ofSeconds(10));
        assertThat(ran).containsExactly("late");
        assertThat(time.pending()).isZero();
    }

    @Test
    void cancelling_a_task_that_already_ran_changes_nothing() {
        VirtualScheduler time = VirtualScheduler.create();
        var done = time.schedule(Duration.ofSeconds(1), () -> { });
        time.advance(Duration.ofSeconds(1));
        time.schedule(Duration.ofSeconds(1), () -> { });
        done.cancel();
        assertThat(time.pending()).isEqualTo(1);
    }

    @Test
    void waiting_moves_time_until_the_future_completes_or_the_timeout() throws InterruptedException {
        VirtualScheduler time = VirtualScheduler.create();
        CompletableFuture<String> done = new CompletableFuture<>();
        time.schedule(Duration.ofMinutes(3), () -> done.complete("ok"));
        assertThat(time.waitFor(done, Duration.ofMinutes(10))).isTrue();
        assertThat(time.now()).isEqualTo(VirtualScheduler.EPOCH.plus(Duration.ofMinutes(3)));

        assertThat(time.waitFor(new CompletableFuture<>(), Duration.ofMinutes(10))).isFalse();
        assertThat(time.now()).isEqualTo(VirtualScheduler.EPOCH.plus(Duration.ofMinutes(13)));
    }

    @Test
    void on_an_executor_tasks_due_together_run_on_its_threads() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            VirtualScheduler time = VirtualScheduler.onExecutor(pool);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 50; i++) {
                time.schedule(Duration.ofSeconds(1), () -> threads.add(Thread.currentThread().getName()));
            }
            time.advance(Duration.ofSeconds(1));
            assertThat(threads).isNotEmpty().hasSizeLessThanOrEqualTo(2)
                    .noneMatch(name -> name.equals(Thread.currentThread().getName()));
        } finally {
            pool.shutdownNow();
        }
    }
}
