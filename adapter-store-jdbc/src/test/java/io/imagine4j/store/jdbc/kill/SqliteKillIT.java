package io.imagine4j.store.jdbc.kill;

import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.store.jdbc.JdbcJobStore;
import io.imagine4j.testkit.sim.JournalEntry;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.imagine4j.xai.XaiVideo;
import io.imagine4j.xai.XaiVideoProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durability, proven with SIGKILL: a child JVM runs 100 jobs on the xAI simulator (real HTTP on
 * loopback) with an SQLite store; once all are accepted it is killed mid-run; the parent opens the
 * same file, resumes, and every job ends, each sent exactly once.
 *
 * <p>The simulator's clock is manual: a job takes 4 s of simulated time, which passes only when
 * this test advances it, so no job can end before the kill.
 */
class SqliteKillIT {

    private static final int JOBS = 100;
    private static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir
    Path directory;

    @Test
    void jobs_of_a_killed_process_are_resumed_from_the_file_and_each_is_sent_once() throws Exception {
        long started = System.nanoTime();
        try (XaiSimulator xai = XaiSimulator.start(SimulatorOptions.forTests()); Children children = new Children()) {
            children.start("first", "store=sqlite:" + directory, "xai=" + xai.baseUrl(), "instance=first",
                    "submit=" + JOBS, "prefix=kill-sqlite", "lease=" + LEASE.toMillis() + "ms");
            children.await("all jobs accepted", Duration.ofSeconds(60), () -> children.said("first", "ACCEPTED " + JOBS));
            xai.advance(Duration.ofSeconds(2)); // mid-run: half done
            children.kill("first");
            long killedAfter = System.nanoTime() - started;

            CountDownLatch finished = new CountDownLatch(JOBS);
            ServiceSettings settings = ServiceSettings.defaults().withLeaseDuration(LEASE)
                    .withTakeoverEvery(Duration.ofMillis(250)).withProgressAwarePolling(false)
                    .withPollBackoff(Backoff.of(Duration.ofMillis(100), 1.5, Duration.ofMillis(500), 0.2));
            try (XaiVideoProvider provider = XaiVideo.builder().apiKey("kill-test-key").baseUrl(xai.baseUrl()).build();
                 JdbcJobStore store = JdbcJobStore.sqlite(directory);
                 VideoJobService jobs = VideoJobService.builder(provider).store(store).settings(settings).instance("second")
                         .listener(event -> {
                             if (event instanceof JobEvent.Finished) {
                                 finished.countDown();
                             }
                         }).build()) {
                List<JobRecord> left = store.unfinished();
                assertThat(left).as("jobs the killed process left running").hasSize(JOBS)
                        .allSatisfy(record -> assertThat(record.jobId()).isNotEmpty());

                jobs.resume(); // the killed process's leases lapse within LEASE; the takeover claims the rest
                xai.advance(Duration.ofSeconds(3));
                assertThat(finished.await(30, TimeUnit.SECONDS)).as("every job ended").isTrue();

                List<JobRecord> all = store.recent(10 * JOBS, true);
                assertThat(all).hasSize(JOBS).allSatisfy(record ->
                        assertThat(record.state().status()).isEqualTo(JobStatus.SUCCEEDED));
                assertOnePostPerJob(xai, all);
            }
            System.out.printf("SqliteKillIT: killed after %d ms, all %d jobs ended %d ms after the start%n",
                    TimeUnit.NANOSECONDS.toMillis(killedAfter), JOBS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /** Each job's prompt reached the simulator in exactly one POST. */
    static void assertOnePostPerJob(XaiSimulator xai, List<JobRecord> records) {
        List<JournalEntry> posts = xai.journal().entries().stream().filter(entry -> entry.method().equals("POST"))
                .collect(Collectors.toList());
        assertThat(posts).hasSize(records.size());
        Map<String, Long> promptsSent = xai.jobs().stream().map(job -> job.params().prompt())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(promptsSent).hasSize(records.size()).allSatisfy((prompt, times) -> assertThat(times).isOne());
        assertThat(promptsSent.keySet()).containsExactlyInAnyOrderElementsOf(
                records.stream().map(record -> record.request().get().prompt()).collect(Collectors.toList()));
    }
}
