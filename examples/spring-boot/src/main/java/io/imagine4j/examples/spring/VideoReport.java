package io.imagine4j.examples.spring;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.in.VideoJob;

/**
 * Where a job stands, as {@code POST /videos} and {@code GET /videos/{key}} answer it.
 *
 * @param key      imagine4j's key of the job, for {@code GET /videos/{key}}
 * @param status   QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED or EXPIRED
 * @param jobId    the provider's id, once it accepted the job
 * @param progress how far it is, in percent, when the provider says
 * @param seconds  the video's length, once it succeeded
 * @param content  where to fetch the video, once it succeeded
 * @param failure  the failure's kind and a sentence to act on, when it failed
 */
public record VideoReport(String key, String status, String jobId, Integer progress, Double seconds, String content,
                          Failure failure) {

    /** Why a job failed. */
    public record Failure(String kind, String code, String message) {
    }

    static VideoReport of(VideoJob job) {
        JobState state = job.state();
        GeneratedVideo video = state.result().getOrNull();
        JobFailure failure = state.failure().getOrNull();
        return new VideoReport(job.key().value(), state.status().name(), job.jobId().map(JobId::toString).getOrNull(),
                state.progress().getOrNull(),
                video == null ? null : video.duration().map(length -> length.toMillis() / 1000.0).getOrNull(),
                video == null ? null : "/videos/" + job.key().value() + "/content",
                failure == null ? null : new Failure(failure.kind().name(), failure.code(), failure.message()));
    }
}
