package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.vavr.control.Either;

import java.util.function.Supplier;

/**
 * The provider as the service calls it about one job: the one place where every answer and every
 * failure gets the job's id, and where an adapter that throws instead of answering a typed failure
 * is turned into a {@code PROTOCOL} failure rather than an exception in a scheduler thread.
 * (An adapter's {@code UnsupportedCapabilityException} is the API's own answer, and passes.)
 */
final class ProviderCalls {

    private final VideoProvider provider;

    ProviderCalls(VideoProvider provider) {
        this.provider = provider;
    }

    Either<JobFailure, JobUpdate> poll(JobId id) {
        return call(id, "polling", () -> provider.poll(id)).map(update -> update.forJob(id));
    }

    Either<JobFailure, JobUpdate> cancel(JobId id) {
        return call(id, "cancelling", () -> provider.cancel(id)).map(update -> update.forJob(id));
    }

    Either<JobFailure, JobId> delete(JobId id) {
        return call(id, "deleting", () -> provider.delete(id));
    }

    Either<JobFailure, VideoContent> openContent(GeneratedVideo video, ContentVariant variant, long offset) {
        return call(video.jobId(), "opening the result", () -> provider.openContent(video, variant, offset));
    }

    private <T> Either<JobFailure, T> call(JobId id, String doing, Supplier<Either<JobFailure, T>> call) {
        Either<JobFailure, T> answer;
        try {
            answer = call.get();
        } catch (io.imagine4j.core.model.UnsupportedCapabilityException e) {
            throw e;
        } catch (RuntimeException e) {
            answer = Either.left(JobFailure.of(FailureKind.PROTOCOL, "adapter_error",
                    provider.name() + " adapter failed while " + doing + ": " + e.getClass().getSimpleName()));
        }
        return answer.mapLeft(failure -> failure.forJob(id));
    }
}
