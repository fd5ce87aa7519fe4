package io.imagine4j.xai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to a submit: {@code {"request_id": …}}, the id to poll. */
public record StartedJob(@JsonProperty("request_id") String requestId) {
}
