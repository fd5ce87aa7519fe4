package io.imagine4j.http.sse;

import java.io.IOException;

/**
 * An event stream that cannot be read on: a line or an event above the parser's size limits, which
 * keep a broken or hostile server from filling memory.
 *
 * <pre>{@code
 * try {
 *     parser.feed(chunk, 0, chunk.length);
 * } catch (MalformedEventStreamException e) {
 *     // drop the connection and reconnect
 * }
 * }</pre>
 */
public class MalformedEventStreamException extends IOException {

    public MalformedEventStreamException(String message) {
        super(message);
    }
}
