package io.imagine4j.core.port.in;

import io.imagine4j.core.cost.BudgetExceededException;
import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/** Use case: submit a video job. */
public interface SubmitVideoJob {

    /**
     * Checks the request, records the job, and submits it in the background; returns at once.
     * Watch {@link VideoJob#accepted()} for the provider's answer. A request for several
     * generations makes one submit and one job per video: this is the first, and
     * {@link VideoJob#generations()} has them all.
     *
     * <pre>{@code
     * VideoJob job = jobs.submit(VideoRequest.edit("Make it snow", MediaSource.file(Path.of("clip.mp4"))));
     * }</pre>
     *
     * @throws UnsupportedCapabilityException when the provider does not offer something asked for
     * @throws InvalidRequestException        when the request breaks the provider's limits; nothing is
     *                                        stored or sent, and every problem is listed
     * @throws BudgetExceededException        when its estimated cost would pass the service's budget
     */
    default VideoJob submit(VideoRequest request) {
        return submit(request, event -> { });
    }

    /**
     * As {@link #submit(VideoRequest)}, with a listener that sees every event of the job (of each
     * of its generations) exactly once and in order, from {@code Created} on, even for a job that
     * ends before this method returns.
     *
     * <pre>{@code
     * VideoJob job = jobs.submit(request, event -> log.info("{}", event));
     * }</pre>
     */
    VideoJob submit(VideoRequest request, JobListener listener);

    /**
     * Every problem with {@code request} for this provider, or the request with its model named.
     * Previous results it names are looked up first, as {@link #submit} would.
     */
    Validation<Seq<Violation>, CheckedRequest> validate(VideoRequest request);
}
