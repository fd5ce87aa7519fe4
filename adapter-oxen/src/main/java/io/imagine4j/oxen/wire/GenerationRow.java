package io.imagine4j.oxen.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One generation as the queue shows it ({@code QueueGenerationResponse}), request parameters merged
 * in at the top level. Older servers named the model {@code model} instead of {@code model_name}.
 * Times are Unix seconds; there is no progress. The history view adds {@code cost}, a decimal string.
 */
public record GenerationRow(
        @JsonProperty("generation_id") String generationId,
        @JsonProperty("model_name") String modelName,
        @JsonProperty("model") String model,
        @JsonProperty("media_type") String mediaType,
        @JsonProperty("status") String status,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("result_url") String resultUrl,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("enqueued_at") Long enqueuedAt,
        @JsonProperty("started_at") Long startedAt,
        @JsonProperty("completed_at") Long completedAt,
        @JsonProperty("duration") JsonNode duration,
        @JsonProperty("target_namespace") String targetNamespace,
        @JsonProperty("target_repo") String targetRepo,
        @JsonProperty("cost") String cost) {

    /** The model, by whichever name the server gave the field. */
    public String modelId() {
        return modelName != null ? modelName : model;
    }
}
