package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.RequestLimits;
import io.vavr.control.Either;

/**
 * What xAI's {@code url} fields take for each input: a public URL as it is, local content inline
 * as a {@code data:} URI, a previous result as {@link ChainedInputs} sends it. Reading happens
 * here, before the submit; a failure means nothing was sent.
 */
final class InputUrls {

    private final ChainedInputs chained;

    InputUrls(ChainedInputs chained) {
        this.chained = chained;
    }

    /**
     * @param field  the request field, for messages ({@code video}, {@code reference_images[1]})
     * @param limits the limits the request was checked against (a looked-up result's length is checked on them)
     */
    Either<JobFailure, String> of(MediaSource source, String field, RequestLimits limits) {
        if (source instanceof MediaSource.PreviousResult previous) {
            return chained.urlFor(previous, limits);
        }
        return InlineMedia.urlFor(source).toEither().mapLeft(error -> JobFailure.of(FailureKind.INVALID_REQUEST, "unreadable_input",
                "The " + field + " could not be read to send it inline: " + error.getMessage()
                        + ". Check the file, or give a public URL instead."));
    }
}
