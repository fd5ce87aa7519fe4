package io.imagine4j.core.job;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.VideoRequest;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * A job as a {@code JobStore} keeps it, so that a restarted process can resume it: stored before
 * the submit (without a job id), then after every transition. It never holds an API key.
 *
 * @param key        imagine4j's key for the job
 * @param provider   the provider's short name
 * @param kind       the request kind, when known
 * @param request    the request, for a job submitted by imagine4j (absent for one only watched)
 * @param jobId      the provider's id, once it accepted the job
 * @param state      the last recorded state
 * @param createdAt  when the job was first stored
 * @param generation which of its submit's videos the job is
 */
public record JobRecord(SubmissionKey key, String provider, Option<RequestKind> kind, Option<VideoRequest> request,
                        Option<JobId> jobId, JobState state, Instant createdAt, Generation generation) {

    public JobRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(generation, "generation");
        if (!generation.key().equals(key)) {
            throw new IllegalArgumentException("Job " + key + " is stored as generation " + generation.index()
                    + " of submission " + generation.submission() + ", whose key is " + generation.key());
        }
    }

    /** A job about to be submitted, the only video of its submit. */
    public static JobRecord beforeSubmit(SubmissionKey key, String provider, VideoRequest request, Instant now) {
        return beforeSubmit(Generation.single(key), provider, request, now);
    }

    /** One of the videos of a submit about to be sent. */
    public static JobRecord beforeSubmit(Generation generation, String provider, VideoRequest request, Instant now) {
        return new JobRecord(generation.key(), provider, Option.some(request.kind()), Option.some(request), Option.none(),
                JobState.initial(now), now, generation);
    }

    /** A job submitted elsewhere, followed here from now on by its id. */
    public static JobRecord watched(JobId jobId, Instant now) {
        SubmissionKey key = SubmissionKey.random();
        return new JobRecord(key, jobId.provider(), Option.none(), Option.none(), Option.some(jobId), JobState.initial(now),
                now, Generation.single(key));
    }

    public JobRecord withJobId(JobId id) {
        return new JobRecord(key, provider, kind, request, Option.of(id), state, createdAt, generation);
    }

    public JobRecord withState(JobState next) {
        return new JobRecord(key, provider, kind, request, jobId, next, createdAt, generation);
    }

    public JobRef ref() {
        return new JobRef(key, provider, kind, jobId);
    }

    public boolean isFinished() {
        return state.isTerminal();
    }
}
