package io.imagine4j.core.store;

import io.imagine4j.core.job.JobId;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.port.out.JobStore;
import io.vavr.control.Option;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A {@link JobStore} in memory: the default, for processes that need not survive a restart, and
 * for tests. Thread-safe.
 */
public final class InMemoryJobStore implements JobStore {

    private final Map<SubmissionKey, JobRecord> records = new ConcurrentHashMap<>();
    private final Map<JobId, SubmissionKey> byJobId = new ConcurrentHashMap<>();

    @Override
    public void save(JobRecord record) {
        records.put(record.key(), record);
        record.jobId().forEach(id -> byJobId.put(id, record.key()));
    }

    @Override
    public Option<JobRecord> find(SubmissionKey key) {
        return Option.of(records.get(key));
    }

    @Override
    public Option<JobRecord> findByJobId(JobId jobId) {
        return Option.of(byJobId.get(jobId)).flatMap(this::find);
    }

    @Override
    public List<JobRecord> unfinished() {
        return records.values().stream()
                .filter(record -> !record.isFinished())
                .sorted(Comparator.comparing(JobRecord::createdAt))
                .collect(Collectors.toUnmodifiableList());
    }

    /** How many jobs are recorded, finished or not. */
    public int size() {
        return records.size();
    }
}
