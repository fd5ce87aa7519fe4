package io.imagine4j.oxen.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code QueueDeleteResponse}: {@code {"status":"success","generation_id":…}}, also for a job that had already ended. */
public record Cancelled(@JsonProperty("status") String status, @JsonProperty("generation_id") String generationId) {
}
