package io.imagine4j.reliability.matrix;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.JobStoreException;
import io.imagine4j.core.port.out.Lease;
import io.imagine4j.core.store.InMemoryJobStore;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job store whose writes fail after the first {@code allowed} ones (a full disk, a lost database),
 * reads and leases working as an in-memory store's.
 */
final class FailingWrites implements JobStore {

    private final JobStore delegate = new InMemoryJobStore();
    private final int allowed;
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private FailingWrites(int allowed) {
        this.allowed = allowed;
    }

    /** Every write fails. */
    static FailingWrites always() {
        return new FailingWrites(0);
    }

    /** The first {@code count} writes succeed, the rest fail. */
    static FailingWrites after(int count) {
        return new FailingWrites(count);
    }

    int refused() {
        return refused.get();
    }

    private void write() {
        if (writes.incrementAndGet() > allowed) {
            refused.incrementAndGet();
            throw new JobStoreException("test store: the disk is full (write " + writes.get() + " refused)");
        }
    }

    @Override
    public void save(JobRecord record) {
        write();
        delegate.save(record);
    }

    @Override
    public void save(JobRecord record, Lease lease) {
        write();
        delegate.save(record, lease);
    }

    @Override
    public Option<JobRecord> find(SubmissionKey key) {
        return delegate.find(key);
    }

    @Override
    public Option<JobRecord> findByJobId(JobId jobId) {
        return delegate.findByJobId(jobId);
    }

    @Override
    public List<JobRecord> unfinished() {
        return delegate.unfinished();
    }

    @Override
    public List<JobRecord> recent(int limit, boolean finishedToo) {
        return delegate.recent(limit, finishedToo);
    }

    @Override
    public List<JobRecord> claim(String provider, Lease lease, Instant now, int limit) {
        return delegate.claim(provider, lease, now, limit);
    }

    @Override
    public Option<JobRecord> claim(SubmissionKey key, Lease lease, Instant now) {
        return delegate.claim(key, lease, now);
    }

    @Override
    public Set<SubmissionKey> renew(Lease lease, Collection<SubmissionKey> keys, Instant now) {
        return delegate.renew(lease, keys, now);
    }

    @Override
    public void release(String owner, Collection<SubmissionKey> keys) {
        delegate.release(owner, keys);
    }

    @Override
    public int prune(Instant finishedBefore) {
        return delegate.prune(finishedBefore);
    }
}
