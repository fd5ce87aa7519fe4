package io.imagine4j.core.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class SystemSchedulerTest {

    @Test
    void runs_tasks_on_its_own_named_daemon_threads() throws Exception {
        try (SystemScheduler scheduler = SystemScheduler.withThreads(1)) {
            CompletableFuture<Thread> ran = new CompletableFuture<>();
            scheduler.schedule(Duration.ZERO, () -> ran.complete(Thread.currentThread()));
            Thread thread = ran.get();
            assertThat(thread.getName()).startsWith("imagine4j-");
            assertThat(thread.isDaemon()).isTrue();
        }
    }

    @Test
    void after_close_a_task_is_dropped_instead_of_failing_the_caller() {
        SystemScheduler scheduler = SystemScheduler.withThreads(1);
        scheduler.close();
        AtomicBoolean ran = new AtomicBoolean();
        scheduler.schedule(Duration.ZERO, () -> ran.set(true)).cancel();
        assertThat(ran).isFalse();
    }

    @Test
    void waiting_reports_whether_the_future_completed() throws InterruptedException {
        try (SystemScheduler scheduler = SystemScheduler.withThreads(1)) {
            assertThat(scheduler.waitFor(CompletableFuture.completedFuture("x"), Duration.ZERO)).isTrue();
            assertThat(scheduler.waitFor(CompletableFuture.failedFuture(new IllegalStateException()), Duration.ZERO)).isTrue();
            assertThat(scheduler.waitFor(new CompletableFuture<>(), Duration.ofMillis(1))).isFalse();
        }
    }
}
