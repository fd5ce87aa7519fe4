package io.imagine4j.reliability.matrix;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.port.out.ForwardingJobStore;
import io.imagine4j.core.port.out.JobStoreException;
import io.imagine4j.core.port.out.Lease;
import io.imagine4j.core.store.InMemoryJobStore;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job store whose writes fail after the first {@code allowed} ones (a full disk, a lost database),
 * reads and leases working as an in-memory store's.
 */
final class FailingWrites extends ForwardingJobStore {

    private final int allowed;
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private FailingWrites(int allowed) {
        super(new InMemoryJobStore());
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
        super.save(record);
    }

    @Override
    public void save(JobRecord record, Lease lease) {
        write();
        super.save(record, lease);
    }

}
