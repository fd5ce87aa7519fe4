package io.imagine4j.core.port.in;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.vavr.control.Either;

/** Use case: cancel a job. */
public interface CancelVideoJob {

    /**
     * Asks the provider to cancel the job and returns the job's state afterwards (a job that had
     * already ended keeps its outcome).
     *
     * @throws UnsupportedCapabilityException when the provider cannot cancel jobs
     */
    Either<JobFailure, JobState> cancel(JobId jobId);
}
