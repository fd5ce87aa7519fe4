package io.imagine4j.testkit.oxen;

import io.vavr.control.Either;

import java.time.Duration;

/** Finds how long a generation's {@code input_video} is, or why it cannot be used (a run-time failure). */
@FunctionalInterface
interface InputVideos {

    /** @return the length, or the error message the generation fails with */
    Either<String, Duration> lengthOf(String url);
}
