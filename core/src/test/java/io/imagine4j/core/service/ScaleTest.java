package io.imagine4j.core.service;

import io.imagine4j.core.time.Backoff;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Thousands of jobs in flight on a handful of threads, on a virtual clock. */
class ScaleTest {

    @Test
    void ten_thousand_jobs_in_flight_run_to_the_end_on_four_threads() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        VirtualScheduler time = VirtualScheduler.onExecutor(pool);
        ScriptedProvider provider = new ScriptedProvider(time);
        provider.processing = Duration.ofSeconds(90);
        AtomicInteger finished = new AtomicInteger();
        try (VideoJobService jobs = VideoJobService.builder(provider).scheduler(time)
                .listener(e -> {
                    if (e instanceof JobEvent.Finished) {
                        finished.incrementAndGet();
                    }
                }).build()) {
            List<VideoJob> submitted = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                submitted.add(jobs.submit(VideoJobServiceTest.FOX));
            }
            time.advance(Duration.ofSeconds(30));
            assertThat(jobs.inFlight()).isEqualTo(10_000);
            assertThat(submitted).allSatisfy(job -> assertThat(job.jobId().isDefined()).isTrue());

            time.advance(Duration.ofMinutes(3));
            assertThat(finished.get()).isEqualTo(10_000);
            assertThat(submitted).allSatisfy(job -> assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED));
            assertThat(jobs.inFlight()).isZero();
            assertThat(provider.submitted()).hasSize(10_000);
            assertThat(provider.threads()).hasSizeLessThanOrEqualTo(4)
                    .allSatisfy(name -> assertThat(name).startsWith("pool-"));
            // Backoff caps at 8 s: a 90 s job needs about 15 polls, not one per second.
            assertThat(provider.polls()).isBetween(10_000 * 10, 10_000 * 20);
            assertThat(time.pending()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
