package io.imagine4j.core.port.in;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Use case: find and follow jobs, including ones submitted by another process. */
public interface TrackVideoJobs {

    /** The job with this key, if this process or the store knows it. */
    Option<VideoJob> find(SubmissionKey key);

    /** The job with this provider id, if this process or the store knows it. */
    Option<VideoJob> find(JobId jobId);

    /**
     * Follows a job by its provider id, whoever submitted it: known jobs are returned as they are,
     * others are recorded and polled from now on.
     *
     * <pre>{@code
     * VideoJob job = jobs.watch(JobId.parse("xai:8b0b1f1e"));
     * }</pre>
     */
    VideoJob watch(JobId jobId);

    /** Asks the provider once where the job stands, without following it. */
    Either<JobFailure, JobUpdate> check(JobId jobId);
}
