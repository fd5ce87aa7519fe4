package io.imagine4j.core.job;

import io.imagine4j.core.model.JobId;

import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.VideoRequest;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * A job as a {@code JobStore} keeps it, so that a restarted process can resume it: stored before
 * the submit (without a job id), then after every transition.
 *
 * @param key       imagine4j's key for the job
 * @param provider  the provider's short name
 * @param kind      the request kind, when known
 * @param request   the request, for a job submitted by imagine4j (absent for one only watched)
 * @param jobId     the provider's id, once it accepted the job
 * @param state     the last recorded state
 * @param createdAt when the job was first stored
 */
public record JobRecord(SubmissionKey key, String provider, Option<RequestKind> kind, Option<VideoRequest> request,
                        Option<JobId> jobId, JobState state, Instant createdAt) {

    public JobRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A job about to be submitted. */
    public static JobRecord beforeSubmit(SubmissionKey key, String provider, VideoRequest request, Instant now) {
        return new JobRecord(key, provider, Option.some(request.kind()), Option.some(request), Option.none(),
                JobState.initial(now), now);
    }

    public JobRecord withJobId(JobId id) {
        return new JobRecord(key, provider, kind, request, Option.of(id), state, createdAt);
    }

    public JobRecord withState(JobState next) {
        return new JobRecord(key, provider, kind, request, jobId, next, createdAt);
    }

    public JobRef ref() {
        return new JobRef(key, provider, kind, jobId);
    }

    public boolean isFinished() {
        return state.isTerminal();
    }
}
