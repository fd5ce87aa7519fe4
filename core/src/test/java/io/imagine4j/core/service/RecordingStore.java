package io.imagine4j.core.service;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.Lease;
import io.imagine4j.core.store.InMemoryJobStore;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** An in-memory store that also keeps every save, in order, to prove when jobs were recorded. */
final class RecordingStore implements JobStore {

    private final InMemoryJobStore store = new InMemoryJobStore();
    private final List<JobRecord> saves = new ArrayList<>();

    @Override
    public synchronized void save(JobRecord record) {
        saves.add(record);
        store.save(record);
    }

    @Override
    public synchronized void save(JobRecord record, Lease lease) {
        saves.add(record);
        store.save(record, lease);
    }

    @Override
    public Option<JobRecord> find(SubmissionKey key) {
        return store.find(key);
    }

    @Override
    public Option<JobRecord> findByJobId(JobId jobId) {
        return store.findByJobId(jobId);
    }

    @Override
    public List<JobRecord> unfinished() {
        return store.unfinished();
    }

    @Override
    public List<JobRecord> recent(int limit, boolean finishedToo) {
        return store.recent(limit, finishedToo);
    }

    @Override
    public List<JobRecord> claim(String provider, Lease lease, Instant now, int limit) {
        return store.claim(provider, lease, now, limit);
    }

    @Override
    public Option<JobRecord> claim(SubmissionKey key, Lease lease, Instant now) {
        return store.claim(key, lease, now);
    }

    @Override
    public Set<SubmissionKey> renew(Lease lease, Collection<SubmissionKey> keys, Instant now) {
        return store.renew(lease, keys, now);
    }

    @Override
    public void release(String owner, Collection<SubmissionKey> keys) {
        store.release(owner, keys);
    }

    @Override
    public int prune(Instant finishedBefore) {
        return store.prune(finishedBefore);
    }

    synchronized List<JobRecord> saves() {
        return List.copyOf(saves);
    }
}
