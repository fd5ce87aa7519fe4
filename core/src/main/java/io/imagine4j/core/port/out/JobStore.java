package io.imagine4j.core.port.out;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.JobId;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where jobs are recorded so that none is lost: each job is saved before its submit and after
 * every transition, and a restarted process resumes what is unfinished. Several service instances
 * may share one store: each unfinished job is followed by the one instance holding its
 * {@link Lease}, renewed while it follows the job; when an instance dies its leases lapse and
 * another claims the jobs. Implementations are safe for concurrent use, and fail with
 * {@link JobStoreException} (never losing what they had committed).
 *
 * <p>The testkit's {@code JobStoreContract} holds every implementation to this.
 */
public interface JobStore {

    /**
     * Inserts or replaces the record with this record's key. A lease on it is left as it is, unless
     * the record is finished: a finished job is held by no one.
     */
    void save(JobRecord record);

    /** Inserts or replaces the record, and holds it under {@code lease} (a job this instance just created). */
    void save(JobRecord record, Lease lease);

    Option<JobRecord> find(SubmissionKey key);

    Option<JobRecord> findByJobId(JobId jobId);

    /** Every record whose job has not reached a terminal status, oldest first, leased or not. */
    List<JobRecord> unfinished();

    /** The newest records first, at most {@code limit}; only unfinished ones unless {@code finishedToo}. */
    List<JobRecord> recent(int limit, boolean finishedToo);

    /**
     * Leases to {@code lease.owner()} up to {@code limit} unfinished jobs of {@code provider} that no
     * one holds at {@code now} (never leased, released, or lapsed), oldest first, and answers them.
     * Two instances claiming at once never get the same job.
     */
    List<JobRecord> claim(String provider, Lease lease, Instant now, int limit);

    /**
     * Leases to {@code lease.owner()} the one job with this key if it is unfinished and no one else
     * holds it at {@code now} (never leased, released, lapsed, or already held by this owner), and
     * answers it; none otherwise. Two instances claiming it at once never both get it.
     */
    Option<JobRecord> claim(SubmissionKey key, Lease lease, Instant now);

    /**
     * Extends {@code lease.owner()}'s leases on {@code keys} to {@code lease.until()}, and answers the
     * keys it no longer holds (another instance claimed them after they lapsed, or they are gone):
     * the owner must stop following those.
     */
    Set<SubmissionKey> renew(Lease lease, Collection<SubmissionKey> keys, Instant now);

    /** Gives up {@code owner}'s leases on {@code keys} (a job that ended, a service that closed). */
    void release(String owner, Collection<SubmissionKey> keys);

    /** Deletes the records of jobs that ended before {@code finishedBefore}; answers how many. */
    int prune(Instant finishedBefore);
}
