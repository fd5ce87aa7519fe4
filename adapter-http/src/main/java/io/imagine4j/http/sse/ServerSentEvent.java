package io.imagine4j.http.sse;

import java.util.Objects;

/**
 * One dispatched server-sent event.
 *
 * <pre>{@code
 * // event: media_generation_completed
 * // data: {"generation_id":"g1","status":"succeeded"}
 * new ServerSentEvent("media_generation_completed", "{\"generation_id\":\"g1\",\"status\":\"succeeded\"}", "");
 * }</pre>
 *
 * @param type        the {@code event:} field, {@code "message"} when the event named none
 * @param data        the {@code data:} lines joined with {@code \n}
 * @param lastEventId the last {@code id:} seen on the stream up to this event ({@code ""} when none)
 */
public record ServerSentEvent(String type, String data, String lastEventId) {

    /** The type of an event that names none. */
    public static final String DEFAULT_TYPE = "message";

    public ServerSentEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventId, "lastEventId");
    }

    /** An event of the default type, without id. */
    public static ServerSentEvent message(String data) {
        return new ServerSentEvent(DEFAULT_TYPE, data, "");
    }

    @Override
    public String toString() {
        return "ServerSentEvent[" + type + ", " + data.length() + " chars" + (lastEventId.isEmpty() ? "" : ", id " + lastEventId) + "]";
    }
}
