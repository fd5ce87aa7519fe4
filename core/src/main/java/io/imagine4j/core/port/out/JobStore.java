package io.imagine4j.core.port.out;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.vavr.control.Option;

import java.util.List;

/**
 * Where jobs are recorded so that none is lost: each job is saved before its submit and after
 * every transition, and {@link #unfinished()} is what a restarted process resumes. Implementations
 * must be safe for concurrent use.
 */
public interface JobStore {

    /** Inserts or replaces the record with this record's key. */
    void save(JobRecord record);

    Option<JobRecord> find(SubmissionKey key);

    Option<JobRecord> findByJobId(JobId jobId);

    /** Every record whose job has not reached a terminal status, oldest first. */
    List<JobRecord> unfinished();
}
