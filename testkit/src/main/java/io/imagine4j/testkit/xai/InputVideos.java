package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.internal.sim.RejectedCall;

import java.time.Duration;

/** Finds how long an input video is, from the {@code video.url} of an edit or extension. */
@FunctionalInterface
interface InputVideos {

    /**
     * @param field the request field, for error messages ({@code video.url})
     * @throws RejectedCall 400 when the video cannot be read
     */
    Duration lengthOf(String field, String url);
}
