package io.imagine4j.http.sse;

import io.imagine4j.core.time.Backoff;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link EventStream} connects and decides that a stream has died.
 *
 * <pre>{@code
 * EventStreamSettings settings = EventStreamSettings.defaults().withKeepAliveTimeout(Duration.ofSeconds(40));
 * }</pre>
 *
 * @param connectTimeout   how long to wait for a connection
 * @param responseTimeout  how long to wait for the answer's headers
 * @param keepAliveTimeout how long the stream may stay silent (no event, no comment) before it is
 *                         dropped and reconnected; Oxen sends {@code : keep-alive} every 15 s
 * @param reconnectBackoff waits between reconnection attempts, growing while they fail
 */
public record EventStreamSettings(Duration connectTimeout, Duration responseTimeout, Duration keepAliveTimeout,
                                  Backoff reconnectBackoff) {

    public EventStreamSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(keepAliveTimeout, "keepAliveTimeout");
        Objects.requireNonNull(reconnectBackoff, "reconnectBackoff");
        if (keepAliveTimeout.isZero() || keepAliveTimeout.isNegative()) {
            throw new IllegalArgumentException("keepAliveTimeout must be positive, got " + keepAliveTimeout);
        }
    }

    /** 10 s to connect, 30 s to the headers, 45 s of silence, reconnects after 1 s doubling to 30 s (±20 %). */
    public static EventStreamSettings defaults() {
        return new EventStreamSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(45),
                Backoff.of(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.2));
    }

    public EventStreamSettings withKeepAliveTimeout(Duration value) {
        return new EventStreamSettings(connectTimeout, responseTimeout, value, reconnectBackoff);
    }

    public EventStreamSettings withReconnectBackoff(Backoff value) {
        return new EventStreamSettings(connectTimeout, responseTimeout, keepAliveTimeout, value);
    }
}
