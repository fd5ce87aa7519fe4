package io.imagine4j.core.port.in;

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
     * Watch {@link VideoJob#accepted()} for the provider's answer.
     *
     * <pre>{@code
     * VideoJob job = jobs.submit(VideoRequest.edit("Make it snow", MediaSource.file(Path.of("clip.mp4"))));
     * }</pre>
     *
     * @throws UnsupportedCapabilityException when the provider does not offer something asked for
     * @throws InvalidRequestException        when the request breaks the provider's limits; nothing is
     *                                        stored or sent, and every problem is listed
     */
    VideoJob submit(VideoRequest request);

    /** Every problem with {@code request} for this provider, or the request with its model named. */
    Validation<Seq<Violation>, VideoRequest> validate(VideoRequest request);
}
