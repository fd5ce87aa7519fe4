package io.imagine4j.core.store;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryJobStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static JobRecord job(int n) {
        return JobRecord.beforeSubmit(SubmissionKey.random(), "p", VideoRequest.textToVideo("x"), T0.plusSeconds(n))
                .withJobId(JobId.of("p", "job-" + n));
    }

    static JobRecord finished(JobRecord record) {
        return record.withState(JobState.failed(JobFailure.of(FailureKind.PROVIDER_ERROR, "x", "x"), T0));
    }

    @Test
    void finds_by_key_and_by_job_id_and_lists_unfinished_oldest_first() {
        InMemoryJobStore store = new InMemoryJobStore();
        JobRecord second = job(2);
        JobRecord first = job(1);
        store.save(second);
        store.save(first);
        store.save(finished(job(3)));
        assertThat(store.find(first.key()).get()).isEqualTo(first);
        assertThat(store.findByJobId(JobId.of("p", "job-2")).get()).isEqualTo(second);
        assertThat(store.unfinished()).containsExactly(first, second);
    }

    @Test
    void forgets_the_oldest_finished_jobs_beyond_its_limit_but_never_an_unfinished_one() {
        InMemoryJobStore store = new InMemoryJobStore(2);
        List<JobRecord> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(job(i));
            store.save(open.get(i));
        }
        List<JobRecord> done = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            done.add(finished(open.get(i)));
            store.save(done.get(i));
            store.save(done.get(i)); // saved twice: counted once
        }
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.find(done.get(0).key())).isEmpty();
        assertThat(store.findByJobId(JobId.of("p", "job-1"))).isEmpty();
        assertThat(store.find(done.get(3).key())).isNotEmpty();
        assertThat(store.unfinished()).containsExactly(open.get(4));
    }
}
