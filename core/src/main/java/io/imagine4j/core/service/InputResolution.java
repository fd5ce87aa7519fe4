package io.imagine4j.core.service;

import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.util.function.Function;

/**
 * Looks up the previous results a request names by job id alone, in this process or the store, so
 * that the capability check knows what they are (an edit of a 10 s result fails on xAI's 8.7 s
 * rule before anything is sent) and the adapter can send their URL. A job known here that has not
 * succeeded cannot be an input: that is a violation. A job not known here is left to the adapter,
 * which may send the provider's own id (OpenAI) or ask the provider for it.
 */
final class InputResolution {

    private final Function<JobId, Option<JobState>> lookup;

    InputResolution(Function<JobId, Option<JobState>> lookup) {
        this.lookup = lookup;
    }

    Validation<Seq<Violation>, VideoRequest> resolve(VideoRequest request) {
        Option<MediaSource> input = request.input();
        if (input.isEmpty() || !(input.get() instanceof MediaSource.PreviousResult previous) || previous.isResolved()) {
            return Validation.valid(request);
        }
        Option<JobState> known = lookup.apply(previous.jobId());
        if (known.isEmpty()) {
            return Validation.valid(request);
        }
        JobState state = known.get();
        if (state.status() == JobStatus.SUCCEEDED) {
            return Validation.valid(request.withInput(previous.resolved(state.result().get())));
        }
        String field = "video";
        String problem = state.isTerminal()
                ? "has no result: the job ended " + state.status() + state.failure().map(f -> " (" + f.kind() + ")").getOrElse("")
                : "is not ready: the job is " + state.status() + "; wait for it to succeed first";
        return Validation.invalid(List.of(new Violation(field, previous.describe(), problem,
                "the result of a job that succeeded", Violation.Reason.NOT_ALLOWED)));
    }
}
