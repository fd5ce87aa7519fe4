package io.imagine4j.core.port.out;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.JobId;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A store that hands every call to another: the base of a decorator (one that counts, logs or
 * injects faults), which overrides only the calls it adds something to.
 *
 * <pre>{@code
 * JobStore counted = new ForwardingJobStore(JdbcJobStore.sqlite(directory)) {
 *     @Override
 *     public void save(JobRecord record) {
 *         saves.increment();
 *         super.save(record);
 *     }
 * };
 * }</pre>
 */
public abstract class ForwardingJobStore implements JobStore {

    private final JobStore delegate;

    protected ForwardingJobStore(JobStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store every call goes to. */
    protected final JobStore delegate() {
        return delegate;
    }

    @Override
    public void save(JobRecord record) {
        delegate.save(record);
    }

    @Override
    public void save(JobRecord record, Lease lease) {
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
