package io.imagine4j.core.service;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.store.InMemoryJobStore;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;

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

    synchronized List<JobRecord> saves() {
        return List.copyOf(saves);
    }
}
