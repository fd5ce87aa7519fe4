package io.imagine4j.oxen.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The answer to an enqueue: one entry per generation started, {@code status} {@code queued} (older
 * servers said {@code processing}); or no generation and an {@code error}: a refusal.
 */
public record Enqueued(
        @JsonProperty("generations") List<Started> generations,
        @JsonProperty("error") String error) {

    /** One generation started. */
    public record Started(@JsonProperty("generation_id") String generationId, @JsonProperty("status") String status) {
    }
}
