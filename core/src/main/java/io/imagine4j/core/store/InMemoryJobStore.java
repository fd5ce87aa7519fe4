package io.imagine4j.core.store;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.Lease;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link JobStore} in memory: the default, for processes that need not survive a restart, and
 * for tests. Unfinished jobs are always kept; finished ones are kept up to a limit (10,000 by
 * default), the oldest to finish forgotten first, so a long-running service does not grow without
 * bound. Leases work as in a shared store, between the services of one process. Thread-safe: one
 * lock, since every operation is a few map updates.
 *
 * <pre>{@code
 * JobStore store = new InMemoryJobStore(1_000);   // remember the last 1,000 finished jobs
 * }</pre>
 */
public final class InMemoryJobStore implements JobStore {

    /** How many finished jobs are remembered unless told otherwise. */
    public static final int DEFAULT_FINISHED_KEPT = 10_000;

    private final int finishedKept;
    private final Map<SubmissionKey, JobRecord> records = new HashMap<>();
    private final Map<JobId, SubmissionKey> byJobId = new HashMap<>();
    private final Map<SubmissionKey, Lease> leases = new HashMap<>();
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
    public synchronized void save(JobRecord record) {
        records.put(record.key(), record);
        record.jobId().forEach(id -> byJobId.put(id, record.key()));
        if (record.isFinished()) {
            leases.remove(record.key());
            forgetOldFinished(record.key());
        }
    }

    @Override
    public synchronized void save(JobRecord record, Lease lease) {
        save(record);
        if (!record.isFinished()) {
            leases.put(record.key(), lease);
        }
    }

    @Override
    public synchronized Option<JobRecord> find(SubmissionKey key) {
        return Option.of(records.get(key));
    }

    @Override
    public synchronized Option<JobRecord> findByJobId(JobId jobId) {
        return Option.of(byJobId.get(jobId)).flatMap(this::find);
    }

    @Override
    public synchronized List<JobRecord> unfinished() {
        return records.values().stream()
                .filter(record -> !record.isFinished())
                .sorted(Comparator.comparing(JobRecord::createdAt))
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public synchronized List<JobRecord> recent(int limit, boolean finishedToo) {
        return records.values().stream()
                .filter(record -> finishedToo || !record.isFinished())
                .sorted(Comparator.comparing(JobRecord::createdAt).reversed())
                .limit(limit)
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public synchronized List<JobRecord> claim(String provider, Lease lease, Instant now, int limit) {
        List<JobRecord> claimed = new ArrayList<>();
        for (JobRecord record : unfinished()) {
            if (claimed.size() >= limit) {
                break;
            }
            Lease held = leases.get(record.key());
            if (record.provider().equals(provider) && (held == null || !held.until().isAfter(now))) {
                leases.put(record.key(), lease);
                claimed.add(record);
            }
        }
        return claimed;
    }

    @Override
    public synchronized Option<JobRecord> claim(SubmissionKey key, Lease lease, Instant now) {
        JobRecord record = records.get(key);
        if (record == null || record.isFinished()) {
            return Option.none();
        }
        Lease held = leases.get(key);
        if (held != null && held.until().isAfter(now) && !held.owner().equals(lease.owner())) {
            return Option.none();
        }
        leases.put(key, lease);
        return Option.some(record);
    }

    @Override
    public synchronized Set<SubmissionKey> renew(Lease lease, Collection<SubmissionKey> keys, Instant now) {
        Set<SubmissionKey> lost = new LinkedHashSet<>();
        for (SubmissionKey key : keys) {
            Lease held = leases.get(key);
            if (held != null && held.owner().equals(lease.owner())) {
                leases.put(key, lease);
            } else {
                lost.add(key);
            }
        }
        return lost;
    }

    @Override
    public synchronized void release(String owner, Collection<SubmissionKey> keys) {
        for (SubmissionKey key : keys) {
            Lease held = leases.get(key);
            if (held != null && held.owner().equals(owner)) {
                leases.remove(key);
            }
        }
    }

    @Override
    public synchronized int prune(Instant finishedBefore) {
        List<SubmissionKey> old = records.values().stream()
                .filter(record -> record.isFinished() && record.state().updatedAt().isBefore(finishedBefore))
                .map(JobRecord::key)
                .collect(Collectors.toList());
        old.forEach(this::forget);
        finishedInOrder.removeAll(new HashSet<>(old));
        return old.size();
    }

    /** How many jobs are remembered, finished or not. */
    public synchronized int size() {
        return records.size();
    }

    private void forgetOldFinished(SubmissionKey key) {
        if (finished.add(key)) {
            finishedInOrder.addLast(key);
        }
        while (finishedInOrder.size() > finishedKept) {
            forget(finishedInOrder.removeFirst());
        }
    }

    private void forget(SubmissionKey key) {
        finished.remove(key);
        leases.remove(key);
        JobRecord gone = records.remove(key);
        if (gone != null) {
            gone.jobId().forEach(id -> byJobId.remove(id, key));
        }
    }
}
