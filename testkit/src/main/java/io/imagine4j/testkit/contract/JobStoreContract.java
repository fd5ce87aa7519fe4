package io.imagine4j.testkit.contract;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.Lease;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.imagine4j.testkit.contract.StoreRecords.PROVIDER;
import static io.imagine4j.testkit.contract.StoreRecords.T0;
import static io.imagine4j.testkit.contract.StoreRecords.accepted;
import static io.imagine4j.testkit.contract.StoreRecords.failed;
import static io.imagine4j.testkit.contract.StoreRecords.queued;
import static io.imagine4j.testkit.contract.StoreRecords.running;
import static io.imagine4j.testkit.contract.StoreRecords.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link JobStore} keeps, as JUnit 5 tests: extend this class, supply the
 * store under test, and every group below runs against it (the shape of Micrometer's
 * {@code MeterRegistryCompatibilityKit}). Time is never read from a clock: every instant is
 * given, so leases lapse exactly when a test says.
 *
 * <pre>{@code
 * class MyStoreContractTest extends JobStoreContract {
 *     MyStore store;
 *
 *     @BeforeEach void open() { store = MyStore.open(emptyDatabase()); }
 *     @AfterEach void close() { store.close(); }
 *
 *     @Override protected JobStore store() { return store; }
 *     @Override protected JobStore otherInstance() { return MyStore.open(sameDatabase()); } // optional
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> {@link #store()} is called after every {@code @BeforeEach} of the extender,
 * nested groups included; it must be empty at the start of each test and the same instance
 * throughout one test. {@link #otherInstance()} is how a second service instance would see the
 * same jobs (another connection, another process): claims from both never share a job.
 */
public abstract class JobStoreContract {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The store under test: empty when a test starts, the same instance throughout the test. */
    protected abstract JobStore store();

    /**
     * The same jobs as a second instance sees them: a store of its own over the same database,
     * where the store is shared. The same store unless overridden; called at most once per test,
     * and the extender closes what it opens.
     */
    protected JobStore otherInstance() {
        return store();
    }

    private static Lease lease(String owner, Instant until) {
        return new Lease(owner, until);
    }

    private static List<SubmissionKey> keys(List<JobRecord> records) {
        return records.stream().map(JobRecord::key).collect(Collectors.toList());
    }

    @Nested
    @DisplayName("saving and finding")
    class SavingAndFinding {

        @Test
        void a_saved_job_is_found_by_its_key_and_once_accepted_by_its_id() {
            JobRecord queued = queued(T0);
            store().save(queued);
            assertThat(store().find(queued.key())).containsExactly(queued);

            JobRecord accepted = accepted(queued);
            store().save(accepted);
            assertThat(store().find(queued.key())).containsExactly(accepted);
            assertThat(store().findByJobId(accepted.jobId().get())).containsExactly(accepted);
        }

        @Test
        void saving_again_replaces_the_record() {
            JobRecord record = accepted(queued(T0));
            store().save(record);
            JobRecord running = running(record, 40, T0.plusSeconds(3));
            store().save(running);
            JobRecord done = succeeded(running, T0.plusSeconds(9));
            store().save(done);

            assertThat(store().find(record.key())).containsExactly(done);
            assertThat(store().findByJobId(record.jobId().get())).containsExactly(done);
        }

        @Test
        void unknown_keys_and_ids_find_nothing() {
            store().save(accepted(queued(T0)));

            assertThat(store().find(SubmissionKey.random())).isEmpty();
            assertThat(store().findByJobId(JobId.of(PROVIDER, "never-seen"))).isEmpty();
        }

        @Test
        void unfinished_lists_every_unfinished_job_oldest_first_leased_or_not() {
            JobRecord newest = queued(T0.plusSeconds(30));
            JobRecord oldest = queued(T0);
            JobRecord middle = accepted(queued(T0.plusSeconds(10)));
            JobRecord done = succeeded(accepted(queued(T0.plusSeconds(5))), T0.plusSeconds(20));
            JobRecord otherProvider = queued("other", T0.plusSeconds(20));
            store().save(newest);
            store().save(done);
            store().save(oldest, lease("someone", T0.plus(LEASE)));
            store().save(middle);
            store().save(otherProvider);

            assertThat(store().unfinished()).containsExactly(oldest, middle, otherProvider, newest);
        }

        @Test
        void recent_answers_the_newest_first_up_to_the_limit_finished_ones_only_when_asked() {
            List<JobRecord> records = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                JobRecord record = queued(T0.plusSeconds(i));
                records.add(i % 2 == 0 ? failed(record, T0.plusSeconds(10 + i)) : record);
            }
            records.forEach(store()::save);

            assertThat(store().recent(4, true)).containsExactly(records.get(5), records.get(4), records.get(3), records.get(2));
            assertThat(store().recent(10, false)).containsExactly(records.get(5), records.get(3), records.get(1));
            assertThat(store().recent(2, false)).containsExactly(records.get(5), records.get(3));
            assertThat(store().recent(0, true)).isEmpty();
        }
    }

    @Nested
    @DisplayName("a record's round trip, every field")
    class RoundTrip {

        @Test
        void a_succeeded_generation_with_every_option_extra_and_result_detail() {
            JobRecord rich = StoreRecords.richSucceeded();
            store().save(rich);

            assertThat(store().find(rich.key())).containsExactly(rich);
            assertThat(store().findByJobId(rich.jobId().get())).containsExactly(rich);
        }

        @Test
        void a_failure_with_its_code_message_job_wait_and_cost() {
            JobRecord rich = StoreRecords.richFailed();
            store().save(rich);

            assertThat(store().find(rich.key())).containsExactly(rich);
        }

        @Test
        void a_watched_job_without_kind_request_or_progress() {
            JobRecord watched = StoreRecords.watched();
            store().save(watched);

            assertThat(store().find(watched.key())).containsExactly(watched);
            assertThat(store().unfinished()).containsExactly(watched);
        }

        @Test
        void every_request_kind_with_every_kind_of_input_that_can_be_sent_again() throws IOException {
            Path file = Files.createTempFile("imagine4j-contract-", ".mp4");
            try {
                Files.write(file, SampleInputs.mp4());
                List<JobRecord> records = StoreRecords.everyKind(MediaSource.file(file));
                records.forEach(store()::save);

                for (JobRecord record : records) {
                    assertThat(store().find(record.key())).as("%s", record.request().get()).containsExactly(record);
                }
                assertThat(store().unfinished()).containsExactlyElementsOf(records);
            } finally {
                Files.deleteIfExists(file);
            }
        }

        @Test
        void an_input_that_was_in_memory_comes_back_as_it_was_or_not_at_all() {
            VideoRequest request = VideoRequest.imageToVideo("From bytes", MediaSource.bytes(SampleInputs.png()));
            JobRecord record = JobRecord.beforeSubmit(SubmissionKey.random(), PROVIDER, request, T0);
            store().save(record);

            JobRecord found = store().find(record.key()).get();
            assertThat(found.request().toJavaList()).as("the request, kept or left out")
                    .isIn(List.of(request), List.of());
            assertThat(found.generation()).isEqualTo(record.generation());
            assertThat(found.kind()).isEqualTo(record.kind());
            assertThat(found.state()).isEqualTo(record.state());
            assertThat(found.createdAt()).isEqualTo(record.createdAt());
        }
    }

    @Nested
    @DisplayName("concurrent writers")
    class ConcurrentWriters {

        @Test
        void threads_saving_their_own_jobs_lose_none() throws Exception {
            int threads = 6;
            int perThread = 10;
            List<List<JobRecord>> finals = run(threads, thread -> {
                List<JobRecord> done = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    JobRecord record = queued(T0.plusMillis(thread * 1_000L + i));
                    store().save(record, lease("writer-" + thread, T0.plus(LEASE)));
                    JobRecord accepted = accepted(record);
                    store().save(accepted);
                    store().save(running(accepted, 50, T0.plusSeconds(5)));
                    JobRecord last = i % 3 == 0 ? running(accepted, 80, T0.plusSeconds(6)) : succeeded(accepted, T0.plusSeconds(7));
                    store().save(last);
                    done.add(last);
                }
                return done;
            });

            List<JobRecord> all = finals.stream().flatMap(List::stream).collect(Collectors.toList());
            assertThat(all).hasSize(threads * perThread);
            for (JobRecord record : all) {
                assertThat(store().find(record.key())).containsExactly(record);
            }
            assertThat(store().unfinished()).containsExactlyInAnyOrderElementsOf(
                    all.stream().filter(record -> !record.isFinished()).collect(Collectors.toList()));
        }

        @Test
        void threads_saving_the_same_job_leave_one_whole_version_of_it() throws Exception {
            JobRecord base = accepted(queued(T0));
            store().save(base);
            List<List<JobRecord>> written = run(6, thread -> {
                List<JobRecord> versions = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    JobRecord version = running(base, thread * 10 + i % 10, T0.plusSeconds(thread * 100L + i));
                    store().save(version);
                    versions.add(version);
                }
                return versions;
            });

            assertThat(written.stream().flatMap(List::stream)).contains(store().find(base.key()).get());
        }

        @Test
        void readers_see_whole_records_while_writers_save() throws Exception {
            List<JobRecord> records = IntStream.range(0, 20).mapToObj(i -> accepted(queued(T0.plusMillis(i))))
                    .collect(Collectors.toList());
            records.forEach(store()::save);
            List<List<JobRecord>> seen = run(4, thread -> {
                List<JobRecord> found = new ArrayList<>();
                for (JobRecord record : records) {
                    if (thread % 2 == 0) {
                        store().save(running(record, 10 + thread, T0.plusSeconds(thread)));
                    } else {
                        found.addAll(store().unfinished());
                    }
                }
                return found;
            });

            Set<SubmissionKey> known = records.stream().map(JobRecord::key).collect(Collectors.toSet());
            assertThat(seen.stream().flatMap(List::stream)).allSatisfy(record -> {
                assertThat(known).contains(record.key());
                assertThat(record.jobId()).isNotEmpty();
                assertThat(record.request()).isNotEmpty();
            });
        }
    }

    @Nested
    @DisplayName("leases")
    class Leases {

        @Test
        void a_job_saved_under_a_lease_is_claimed_by_another_only_once_the_lease_lapses() {
            JobRecord record = queued(T0);
            store().save(record, lease("first", T0.plus(LEASE)));

            assertThat(store().claim(PROVIDER, lease("second", T0.plus(LEASE).plus(LEASE)), T0.plusSeconds(59), 10)).isEmpty();
            assertThat(store().claim(PROVIDER, lease("second", T0.plus(LEASE).plus(LEASE)), T0.plus(LEASE), 10))
                    .containsExactly(record);
        }

        @Test
        void a_claim_takes_unheld_unfinished_jobs_of_its_provider_oldest_first_up_to_its_limit() {
            JobRecord third = queued(T0.plusSeconds(3));
            JobRecord first = accepted(queued(T0.plusSeconds(1)));
            JobRecord second = queued(T0.plusSeconds(2));
            store().save(third);
            store().save(first);
            store().save(second);
            store().save(succeeded(accepted(queued(T0)), T0.plusSeconds(4)));
            store().save(queued("other", T0));
            store().save(queued(T0.minusSeconds(1)), lease("holder", T0.plus(LEASE)));

            Lease mine = lease("claimer", T0.plus(LEASE));
            assertThat(store().claim(PROVIDER, mine, T0, 2)).containsExactly(first, second);
            assertThat(store().claim(PROVIDER, mine, T0, 2)).containsExactly(third);
            assertThat(store().claim(PROVIDER, mine, T0, 2)).isEmpty();
            assertThat(store().claim(PROVIDER, lease("late", T0.plus(LEASE).plus(LEASE)), T0.plusSeconds(1), 0)).isEmpty();
        }

        @Test
        void two_claimers_at_once_never_get_the_same_job_and_together_get_them_all() throws Exception {
            List<JobRecord> records = IntStream.range(0, 120).mapToObj(i -> queued(T0.plusMillis(i)))
                    .collect(Collectors.toList());
            records.forEach(store()::save);
            JobStore[] instances = {store(), otherInstance()};

            List<List<JobRecord>> claimed = run(2, claimer -> {
                List<JobRecord> mine = new ArrayList<>();
                List<JobRecord> batch;
                do {
                    batch = instances[claimer].claim(PROVIDER, lease("claimer-" + claimer, T0.plus(LEASE)), T0, 7);
                    mine.addAll(batch);
                } while (!batch.isEmpty());
                return mine;
            });

            Set<SubmissionKey> first = new HashSet<>(keys(claimed.get(0)));
            Set<SubmissionKey> second = new HashSet<>(keys(claimed.get(1)));
            Set<SubmissionKey> both = new HashSet<>(first);
            both.retainAll(second);
            assertThat(both).as("jobs both claimers got").isEmpty();
            assertThat(claimed.get(0).size() + claimed.get(1).size()).isEqualTo(records.size());
            assertThat(union(first, second)).containsExactlyInAnyOrderElementsOf(keys(records));
        }

        @Test
        void one_job_is_claimed_by_its_key_by_one_owner_at_a_time_and_again_by_its_owner() {
            JobRecord record = queued(T0);
            store().save(record);
            store().save(succeeded(accepted(queued(T0.plusSeconds(1))), T0.plusSeconds(2)));

            assertThat(store().claim(record.key(), lease("first", T0.plus(LEASE)), T0)).contains(record);
            assertThat(store().claim(record.key(), lease("second", T0.plus(LEASE)), T0.plusSeconds(1))).as("held by first").isEmpty();
            assertThat(store().claim(record.key(), lease("first", T0.plus(LEASE).plusSeconds(5)), T0.plusSeconds(5)))
                    .as("first claims its own job again").contains(record);
            assertThat(store().claim(record.key(), lease("second", T0.plus(LEASE).plus(LEASE)), T0.plus(LEASE).plusSeconds(5)))
                    .as("once the lease lapsed").contains(record);
            assertThat(store().claim(PROVIDER, lease("third", T0.plus(LEASE)), T0.plus(LEASE).plusSeconds(6), 10))
                    .as("the key's new holder keeps it from a provider-wide claim").isEmpty();
            assertThat(store().claim(new SubmissionKey("no-such-job"), lease("first", T0.plus(LEASE)), T0)).isEmpty();
        }

        @Test
        void a_finished_job_is_claimed_by_no_one() {
            JobRecord done = succeeded(accepted(queued(T0)), T0.plusSeconds(1));
            store().save(done);
            assertThat(store().claim(done.key(), lease("first", T0.plus(LEASE)), T0.plusSeconds(2))).isEmpty();
        }

        @Test
        void two_claimers_of_one_key_at_once_never_both_get_it() throws Exception {
            List<JobRecord> records = IntStream.range(0, 40).mapToObj(i -> queued(T0.plusMillis(i))).collect(Collectors.toList());
            records.forEach(store()::save);
            JobStore[] instances = {store(), otherInstance()};

            List<List<JobRecord>> claimed = run(2, claimer -> records.stream()
                    .flatMap(record -> instances[claimer].claim(record.key(), lease("claimer-" + claimer, T0.plus(LEASE)), T0)
                            .toJavaStream())
                    .collect(Collectors.toList()));

            Set<SubmissionKey> both = new HashSet<>(keys(claimed.get(0)));
            both.retainAll(new HashSet<>(keys(claimed.get(1))));
            assertThat(both).as("jobs both claimers got").isEmpty();
            assertThat(claimed.get(0).size() + claimed.get(1).size()).isEqualTo(records.size());
        }

        @Test
        void a_renewed_lease_keeps_the_job_from_other_claimers() {
            JobRecord record = queued(T0);
            store().save(record, lease("holder", T0.plusSeconds(10)));

            assertThat(store().renew(lease("holder", T0.plusSeconds(100)), List.of(record.key()), T0.plusSeconds(5)))
                    .isEmpty();
            assertThat(store().claim(PROVIDER, lease("other", T0.plusSeconds(200)), T0.plusSeconds(50), 10)).isEmpty();
            assertThat(store().claim(PROVIDER, lease("other", T0.plusSeconds(200)), T0.plusSeconds(100), 10))
                    .containsExactly(record);
        }

        @Test
        void renew_answers_the_keys_the_owner_no_longer_holds() {
            JobRecord kept = queued(T0);
            JobRecord takenOver = queued(T0.plusSeconds(1));
            store().save(kept, lease("first", T0.plusSeconds(100)));
            store().save(takenOver, lease("first", T0.plusSeconds(10)));
            assertThat(store().claim(PROVIDER, lease("second", T0.plusSeconds(70)), T0.plusSeconds(10), 10))
                    .containsExactly(takenOver);
            SubmissionKey gone = SubmissionKey.random();

            assertThat(store().renew(lease("first", T0.plusSeconds(130)), List.of(kept.key(), takenOver.key(), gone),
                    T0.plusSeconds(20))).containsExactlyInAnyOrder(takenOver.key(), gone);
            assertThat(store().renew(lease("second", T0.plusSeconds(130)), List.of(takenOver.key()), T0.plusSeconds(20)))
                    .isEmpty();
            assertThat(store().claim(PROVIDER, lease("third", T0.plusSeconds(200)), T0.plusSeconds(120), 10)).isEmpty();
        }

        @Test
        void a_lapsed_lease_nobody_claimed_is_still_the_owners_to_renew() {
            JobRecord record = queued(T0);
            store().save(record, lease("slow", T0.plusSeconds(10)));

            assertThat(store().renew(lease("slow", T0.plusSeconds(60)), List.of(record.key()), T0.plusSeconds(30)))
                    .isEmpty();
            assertThat(store().claim(PROVIDER, lease("other", T0.plusSeconds(90)), T0.plusSeconds(30), 10)).isEmpty();
        }

        @Test
        void saving_a_job_leaves_its_lease_as_it_is() {
            JobRecord record = queued(T0);
            store().save(record, lease("holder", T0.plus(LEASE)));
            store().save(running(accepted(record), 30, T0.plusSeconds(2)));

            assertThat(store().claim(PROVIDER, lease("other", T0.plus(LEASE).plus(LEASE)), T0.plusSeconds(30), 10))
                    .isEmpty();
            assertThat(store().renew(lease("holder", T0.plus(LEASE)), List.of(record.key()), T0.plusSeconds(30))).isEmpty();
        }
    }

    @Nested
    @DisplayName("release")
    class Release {

        @Test
        void a_released_job_is_claimable_at_once() {
            JobRecord record = queued(T0);
            store().save(record, lease("closing", T0.plus(LEASE)));
            store().release("closing", List.of(record.key()));

            assertThat(store().claim(PROVIDER, lease("next", T0.plus(LEASE)), T0.plusSeconds(1), 10)).containsExactly(record);
        }

        @Test
        void releasing_what_another_holds_changes_nothing() {
            JobRecord record = queued(T0);
            store().save(record, lease("holder", T0.plus(LEASE)));
            store().release("stranger", List.of(record.key(), SubmissionKey.random()));

            assertThat(store().claim(PROVIDER, lease("next", T0.plus(LEASE)), T0.plusSeconds(1), 10)).isEmpty();
            assertThat(store().renew(lease("holder", T0.plus(LEASE)), List.of(record.key()), T0.plusSeconds(1))).isEmpty();
        }
    }

    @Nested
    @DisplayName("finished jobs are held by no one")
    class FinishedJobs {

        @Test
        void saving_a_finished_record_drops_its_lease() {
            JobRecord record = accepted(queued(T0));
            store().save(record, lease("holder", T0.plus(LEASE)));
            store().save(succeeded(record, T0.plusSeconds(8)));

            assertThat(store().renew(lease("holder", T0.plus(LEASE)), List.of(record.key()), T0.plusSeconds(9)))
                    .containsExactly(record.key());
            assertThat(store().claim(PROVIDER, lease("other", T0.plus(LEASE)), T0.plus(LEASE).plus(LEASE), 10)).isEmpty();
        }

        @Test
        void a_finished_record_saved_under_a_lease_is_not_held() {
            JobRecord record = failed(queued(T0), T0.plusSeconds(1));
            store().save(record, lease("holder", T0.plus(LEASE)));

            assertThat(store().renew(lease("holder", T0.plus(LEASE)), List.of(record.key()), T0.plusSeconds(2)))
                    .containsExactly(record.key());
            assertThat(store().find(record.key())).containsExactly(record);
        }
    }

    @Nested
    @DisplayName("pruning")
    class Pruning {

        @Test
        void prune_deletes_the_jobs_that_ended_before_the_instant_and_nothing_else() {
            JobRecord endedLongAgo = succeeded(accepted(queued(T0.minus(Duration.ofDays(3)))), T0.minus(Duration.ofDays(2)));
            JobRecord endedLately = failed(queued(T0.minus(Duration.ofDays(3))), T0.minusSeconds(60));
            JobRecord stillRunning = running(accepted(queued(T0.minus(Duration.ofDays(10)))), 50, T0.minus(Duration.ofDays(9)));
            JobRecord endedAtTheInstant = succeeded(accepted(queued(T0.minus(Duration.ofDays(2)))), T0.minus(Duration.ofDays(1)));
            List.of(endedLongAgo, endedLately, stillRunning, endedAtTheInstant).forEach(store()::save);

            assertThat(store().prune(T0.minus(Duration.ofDays(1)))).isEqualTo(1);

            assertThat(store().find(endedLongAgo.key())).isEmpty();
            assertThat(store().findByJobId(endedLongAgo.jobId().get())).isEmpty();
            assertThat(store().find(endedLately.key())).containsExactly(endedLately);
            assertThat(store().find(stillRunning.key())).containsExactly(stillRunning);
            assertThat(store().find(endedAtTheInstant.key())).containsExactly(endedAtTheInstant);
            assertThat(store().prune(T0.minus(Duration.ofDays(1)))).isZero();
        }
    }

    // ---- threads ----

    /** Runs {@code task} on {@code threads} threads started together; answers each thread's result in order. */
    private static <T> List<T> run(int threads, ThreadTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<T>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int index = thread;
                Callable<T> call = () -> {
                    start.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadTask<T> {
        T run(int thread) throws Exception;
    }

    private static <T> Set<T> union(Set<T> first, Set<T> second) {
        Set<T> all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }
}
