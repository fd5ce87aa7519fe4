package io.imagine4j.store.jdbc.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * A request's options as stored; an absent field is an unset option. Durations are ISO-8601
 * ({@code PT6.5S}), exact to the nanosecond.
 */
public record StoredOptions(
        @JsonProperty("model") String model,
        @JsonProperty("duration") String duration,
        @JsonProperty("aspectRatio") String aspectRatio,
        @JsonProperty("resolution") String resolution,
        @JsonProperty("audio") Boolean audio,
        @JsonProperty("endUser") String endUser,
        @JsonProperty("generations") Integer generations,
        @JsonProperty("seed") Long seed,
        @JsonProperty("extras") Map<String, StoredValue> extras) {
}
