package io.imagine4j.oxen.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code QueueListResponse}: the caller's generations, newest first. */
public record QueueList(@JsonProperty("count") Integer count, @JsonProperty("generations") List<GenerationRow> generations) {
}
