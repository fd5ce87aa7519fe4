package io.imagine4j.http.sse;

import java.time.Duration;

/**
 * Receives what a {@link ServerSentEventParser} finds in a stream: events, and also comments
 * ({@code : keep-alive}), which carry nothing but show the stream is alive, and {@code retry:}
 * reconnection times.
 *
 * <pre>{@code
 * ServerSentEventParser parser = new ServerSentEventParser(event -> System.out.println(event.data()));
 * }</pre>
 */
@FunctionalInterface
public interface ServerSentEventHandler {

    void onEvent(ServerSentEvent event);

    /** A comment line, without its colon and the one space after it. */
    default void onComment(String comment) {
    }

    /** The server set the reconnection time. */
    default void onRetry(Duration reconnectionTime) {
    }
}
