package io.imagine4j.store.jdbc.kill;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.port.out.ForwardingJobStore;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.Lease;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/** A store that writes down every lease it grants this instance, and every lease this instance is told it lost. */
final class RecordingStore extends ForwardingJobStore {

    private final EventLog log;
    private final String instance;
    private final Duration leaseDuration;
    private final IntConsumer claimed;

    RecordingStore(JobStore store, EventLog log, String instance, Duration leaseDuration, IntConsumer claimed) {
        super(store);
        this.log = log;
        this.instance = instance;
        this.leaseDuration = leaseDuration;
        this.claimed = claimed;
    }

    @Override
    public void save(JobRecord record, Lease lease) {
        super.save(record, lease);
        if (!record.isFinished()) {
            grant(record.key(), lease.until().minus(leaseDuration), lease);
        }
    }

    @Override
    public List<JobRecord> claim(String provider, Lease lease, Instant now, int limit) {
        List<JobRecord> records = super.claim(provider, lease, now, limit);
        records.forEach(record -> grant(record.key(), now, lease));
        if (!records.isEmpty()) {
            claimed.accept(records.size());
        }
        return records;
    }

    @Override
    public Option<JobRecord> claim(SubmissionKey key, Lease lease, Instant now) {
        Option<JobRecord> record = super.claim(key, lease, now);
        record.forEach(claimedOne -> {
            grant(claimedOne.key(), now, lease);
            claimed.accept(1);
        });
        return record;
    }

    @Override
    public Set<SubmissionKey> renew(Lease lease, Collection<SubmissionKey> keys, Instant now) {
        Set<SubmissionKey> lost = super.renew(lease, keys, now);
        for (SubmissionKey key : keys) {
            if (lost.contains(key)) {
                log.write("lost", instance, key.value(), Long.toString(EventLog.nanos(now)));
            } else {
                grant(key, now, lease);
            }
        }
        return lost;
    }

    private void grant(SubmissionKey key, Instant from, Lease lease) {
        log.write("grant", instance, key.value(), Long.toString(EventLog.nanos(from)), Long.toString(EventLog.nanos(lease.until())));
    }
}
