package io.imagine4j.core.service;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.port.out.ForwardingJobStore;
import io.imagine4j.core.port.out.Lease;
import io.imagine4j.core.store.InMemoryJobStore;

import java.util.ArrayList;
import java.util.List;

/** An in-memory store that also keeps every save, in order, to prove when jobs were recorded. */
final class RecordingStore extends ForwardingJobStore {

    private final List<JobRecord> saves = new ArrayList<>();

    RecordingStore() {
        super(new InMemoryJobStore());
    }

    @Override
    public synchronized void save(JobRecord record) {
        saves.add(record);
        super.save(record);
    }

    @Override
    public synchronized void save(JobRecord record, Lease lease) {
        saves.add(record);
        super.save(record, lease);
    }

    synchronized List<JobRecord> saves() {
        return List.copyOf(saves);
    }
}
