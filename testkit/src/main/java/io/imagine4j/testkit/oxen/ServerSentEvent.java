package io.imagine4j.testkit.oxen;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One event of the Oxen event stream: a name ({@code event:}) and one line of JSON ({@code data:}).
 *
 * <pre>{@code
 * new ServerSentEvent("media_generation_completed", "{\"generation_id\":\"…\"}").wire();
 * // "event: media_generation_completed\ndata: {\"generation_id\":\"…\"}\n\n"
 * }</pre>
 */
record ServerSentEvent(String name, String data) {

    static final String COMPLETED = "media_generation_completed";
    static final String STARTED = "media_generation_started";
    static final String REPOSITORY_UPDATED = "repository_updated";

    ServerSentEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        if (name.contains("\n") || data.contains("\n")) {
            throw new IllegalArgumentException("an event name and its data are one line each");
        }
    }

    byte[] wire() {
        return ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The event with its data cut in half: never valid JSON. */
    ServerSentEvent truncated() {
        return new ServerSentEvent(name, data.substring(0, data.length() / 2));
    }
}
