package io.imagine4j.oxen;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.MediaSource;
import io.vavr.control.Either;

/**
 * Turns an input into the URL Oxen's models fetch it from. The real one uploads local content and
 * looks previous results up; the request rule's stand-in answers placeholders, so a request can be
 * checked against a schema before anything is uploaded.
 */
@FunctionalInterface
interface InputUrls {

    /** The URL of {@code source}, the request's {@code field} ({@code image}, {@code video}, or an extra's name). */
    Either<JobFailure, String> urlOf(MediaSource source, String field);
}
