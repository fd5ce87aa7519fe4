package io.imagine4j.http.sse;

import io.vavr.control.Option;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Reads server-sent events from an {@link InputStream}, one at a time. Comments and
 * {@code retry:} values go to an optional side handler, so a caller can watch liveness.
 *
 * <pre>{@code
 * try (ServerSentEventReader events = new ServerSentEventReader(response.body())) {
 *     for (Option<ServerSentEvent> next = events.next(); next.isDefined(); next = events.next()) {
 *         handle(next.get());
 *     }
 * }
 * }</pre>
 */
public final class ServerSentEventReader implements Closeable {

    private final InputStream in;
    private final ArrayDeque<ServerSentEvent> ready = new ArrayDeque<>();
    private final ServerSentEventParser parser;
    private final byte[] buffer = new byte[8192];
    private boolean ended;

    public ServerSentEventReader(InputStream in) {
        this(in, event -> { });
    }

    /** A reader that tells {@code sideChannel} about comments and retry values (its {@code onEvent} is not called). */
    public ServerSentEventReader(InputStream in, ServerSentEventHandler sideChannel) {
        this.in = Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sideChannel, "sideChannel");
        this.parser = new ServerSentEventParser(new ServerSentEventHandler() {
            @Override
            public void onEvent(ServerSentEvent event) {
                ready.add(event);
            }

            @Override
            public void onComment(String comment) {
                sideChannel.onComment(comment);
            }

            @Override
            public void onRetry(Duration reconnectionTime) {
                sideChannel.onRetry(reconnectionTime);
            }
        });
    }

    /** The next event, blocking until it is complete; none once the stream has ended. */
    public Option<ServerSentEvent> next() throws IOException {
        while (ready.isEmpty() && !ended) {
            int read = in.read(buffer);
            if (read < 0) {
                parser.finish();
                ended = true;
            } else {
                parser.feed(buffer, 0, read);
            }
        }
        return ready.isEmpty() ? Option.none() : Option.some(ready.poll());
    }

    /** The last event id seen so far. */
    public String lastEventId() {
        return parser.lastEventId();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
