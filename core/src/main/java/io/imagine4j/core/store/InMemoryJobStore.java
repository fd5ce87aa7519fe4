package io.imagine4j.core.store;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.port.out.JobStore;
import io.vavr.control.Option;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A {@link JobStore} in memory: the default, for processes that need not survive a restart, and
 * for tests. Unfinished jobs are always kept; finished ones are kept up to a limit (10,000 by
 * default), the oldest to finish forgotten first, so a long-running service does not grow without
 * bound. Thread-safe.
 *
 * <pre>{@code
 * JobStore store = new InMemoryJobStore(1_000);   // remember the last 1,000 finished jobs
 * }</pre>
 */
public final class InMemoryJobStore implements JobStore {

    /** How many finished jobs are remembered unless told otherwise. */
    public static final int DEFAULT_FINISHED_KEPT = 10_000;

    private final int finishedKept;
    private final Map<SubmissionKey, JobRecord> records = new ConcurrentHashMap<>();
    private final Map<JobId, SubmissionKey> byJobId = new ConcurrentHashMap<>();
    private final Object finishing = new Object();
    private final Deque<SubmissionKey> finishedInOrder = new ArrayDeque<>();
    private final Set<SubmissionKey> finished = new HashSet<>();

    public InMemoryJobStore() {
        this(DEFAULT_FINISHED_KEPT);
    }

    /** A store that remembers at most {@code finishedKept} finished jobs. */
    public InMemoryJobStore(int finishedKept) {
        if (finishedKept < 0) {
            throw new IllegalArgumentException("finishedKept must not be negative, got " + finishedKept);
        }
        this.finishedKept = finishedKept;
    }

    @Override
    public void save(JobRecord record) {
        records.put(record.key(), record);
        record.jobId().forEach(id -> byJobId.put(id, record.key()));
        if (record.isFinished()) {
            forgetOldFinished(record.key());
        }
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

    /** How many jobs are remembered, finished or not. */
    public int size() {
        return records.size();
    }

    private void forgetOldFinished(SubmissionKey key) {
        synchronized (finishing) {
            if (finished.add(key)) {
                finishedInOrder.addLast(key);
            }
            while (finishedInOrder.size() > finishedKept) {
                SubmissionKey oldest = finishedInOrder.removeFirst();
                finished.remove(oldest);
                JobRecord gone = records.remove(oldest);
                if (gone != null) {
                    gone.jobId().forEach(id -> byJobId.remove(id, oldest));
                }
            }
        }
    }
}
