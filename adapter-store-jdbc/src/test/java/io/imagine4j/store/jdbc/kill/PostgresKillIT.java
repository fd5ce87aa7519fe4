package io.imagine4j.store.jdbc.kill;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.store.jdbc.JdbcJobStore;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances sharing one PostgreSQL store, proven with SIGKILL: three child JVMs submit 100
 * jobs each to the xAI simulator, with a short lease and a takeover every half second; once every
 * job has been polled, one child is killed; the other two take over its jobs when its leases
 * lapse, and every job ends, each sent exactly once. Each child writes down the leases it was
 * granted and every poll it made ({@link LeaseEvidence}): the store never granted a job to two
 * instances at once, and no instance polled a job outside its lease beyond the time it takes to
 * learn of a lapse.
 *
 * <p>The simulator's clock is manual: jobs take 4 s of simulated time, which passes only when this
 * test advances it, so every job of the killed child is still running when it dies.
 */
class PostgresKillIT {

    private static final int JOBS_EACH = 100;
    private static final List<String> INSTANCES = List.of("a", "b", "c");
    private static final String KILLED = "a";
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration TAKEOVER = Duration.ofMillis(500);

    @TempDir
    Path events;

    @Test
    void the_jobs_of_a_killed_instance_are_taken_over_once_its_leases_lapse_and_each_is_sent_once() throws Exception {
        long started = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             XaiSimulator xai = XaiSimulator.start(SimulatorOptions.forTests());
             Children children = new Children()) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            try (JdbcJobStore migrated = JdbcJobStore.connect(url, "postgres", "")) {
                assertThat(migrated.unfinished()).isEmpty(); // the schema exists before the instances race to it
            }
            long databaseReady = System.nanoTime();
            for (String instance : INSTANCES) {
                children.start(instance, "store=postgres:" + url, "xai=" + xai.baseUrl(), "instance=" + instance,
                        "submit=" + JOBS_EACH, "prefix=kill-postgres-" + instance, "lease=" + LEASE.toMillis() + "ms",
                        "takeover=" + TAKEOVER.toMillis() + "ms", "events=" + events.resolve(instance + ".events"));
            }
            children.await("every job accepted and polled", Duration.ofSeconds(90),
                    () -> INSTANCES.stream().allMatch(instance -> children.said(instance, "POLLED " + JOBS_EACH)));
            xai.advance(Duration.ofSeconds(1)); // running, a quarter done

            children.kill(KILLED);
            long killedAt = EventLog.now();

            try (JdbcJobStore store = JdbcJobStore.connect(url, "postgres", "")) {
                List<JobRecord> ofKilled = store.unfinished().stream()
                        .filter(record -> record.request().get().prompt().startsWith("kill-postgres-" + KILLED))
                        .collect(Collectors.toList());
                assertThat(ofKilled).as("the killed instance's jobs, all still running").hasSize(JOBS_EACH);
                children.await("the killed instance's jobs taken over", Duration.ofSeconds(30),
                        () -> children.sum("b", "CLAIMED") + children.sum("c", "CLAIMED") >= JOBS_EACH);

                xai.advance(Duration.ofSeconds(4)); // every job ends at its next poll
                children.await("every job ended", Duration.ofSeconds(30),
                        () -> children.lines("FINISHED").size() >= INSTANCES.size() * JOBS_EACH);
                for (String survivor : List.of("b", "c")) {
                    assertThat(children.stop(survivor)).as("exit status of %s", survivor).isZero();
                }

                List<JobRecord> all = store.recent(10 * JOBS_EACH, true);
                assertThat(all).hasSize(INSTANCES.size() * JOBS_EACH).allSatisfy(record ->
                        assertThat(record.state().status()).isEqualTo(JobStatus.SUCCEEDED));
                assertThat(store.unfinished()).isEmpty();
                SqliteKillIT.assertOnePostPerJob(xai, all);

                Map<String, String> keysByJobId = all.stream()
                        .collect(Collectors.toMap(record -> record.jobId().get().toString(), record -> record.key().value()));
                LeaseEvidence evidence = LeaseEvidence.read(INSTANCES.stream().map(i -> events.resolve(i + ".events")).toList());
                long grace = LEASE.dividedBy(3).plusSeconds(2).toNanos();
                assertThat(evidence.overlappingGrants()).as("leases of one job granted to two instances at once").isEmpty();
                assertThat(evidence.pollsWithoutLease(keysByJobId, grace)).as("polls without a lease").isEmpty();
                assertThat(evidence.lastPoll(KILLED)).isLessThan(killedAt);
                for (JobRecord record : ofKilled) {
                    List<String> pollers = evidence.pollers(record.jobId().get().toString());
                    assertThat(pollers).as("who polled %s", record.jobId().get()).hasSizeGreaterThanOrEqualTo(2)
                            .startsWith(KILLED);
                }
                System.out.printf("PostgresKillIT: database ready in %d ms; %d polls; %d after a lapse; %d overlapping;"
                                + " all %d jobs ended %d ms after the start%n",
                        TimeUnit.NANOSECONDS.toMillis(databaseReady - started), evidence.pollCount(),
                        evidence.pollsAfterALapse(keysByJobId), evidence.overlappingPolls(), all.size(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        }
    }
}
