package io.imagine4j.http.sse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * An incremental parser of the {@code text/event-stream} format, as the HTML living standard
 * defines it: bytes may arrive in chunks of any size, split anywhere (inside a UTF-8 character or
 * between the CR and LF of a line end); lines end with CRLF, LF or CR; a UTF-8 byte order mark at
 * the start is skipped; {@code data:} lines accumulate, joined with LF; {@code event:} names the
 * type (default {@code message}); {@code id:} sets the last event id, which persists (an id with
 * NUL is ignored); {@code retry:} with only digits sets the reconnection time; a line starting
 * with a colon is a comment; a blank line dispatches the event, unless it has no data; at the end
 * of the stream an event not yet dispatched is dropped. Not thread-safe: one parser per stream.
 *
 * <pre>{@code
 * ServerSentEventParser parser = new ServerSentEventParser(handler);
 * parser.feed("event: done\ndata: {\"id\":1}\n\n".getBytes(UTF_8), 0, 25);  // handler.onEvent(...)
 * }</pre>
 */
public final class ServerSentEventParser {

    /** Default largest line, in bytes. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
    /** Default largest event data, in characters. */
    public static final int DEFAULT_MAX_EVENT_CHARS = 4 * 1024 * 1024;

    private final ServerSentEventHandler handler;
    private final int maxLineBytes;
    private final int maxEventChars;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean afterCarriageReturn;
    private boolean firstLine = true;
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventId = "";

    public ServerSentEventParser(ServerSentEventHandler handler) {
        this(handler, DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_EVENT_CHARS);
    }

    public ServerSentEventParser(ServerSentEventHandler handler, int maxLineBytes, int maxEventChars) {
        this.handler = Objects.requireNonNull(handler, "handler");
        if (maxLineBytes < 1 || maxEventChars < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxLineBytes = maxLineBytes;
        this.maxEventChars = maxEventChars;
    }

    /** Parses {@code length} bytes of {@code bytes} from {@code offset}, dispatching what completes. */
    public void feed(byte[] bytes, int offset, int length) throws MalformedEventStreamException {
        for (int i = offset; i < offset + length; i++) {
            accept(bytes[i]);
        }
    }

    /** Parses the remaining bytes of {@code buffer}. */
    public void feed(ByteBuffer buffer) throws MalformedEventStreamException {
        while (buffer.hasRemaining()) {
            accept(buffer.get());
        }
    }

    /** The stream ended: an event without its closing blank line is dropped, as the standard says. */
    public void finish() {
        lineLength = 0;
        data.setLength(0);
        eventType = "";
        afterCarriageReturn = false;
    }

    /** The last event id seen, to send as {@code Last-Event-ID} when reconnecting. */
    public String lastEventId() {
        return lastEventId;
    }

    private void accept(byte b) throws MalformedEventStreamException {
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if (b == '\n') {
                return; // the LF of a CRLF already ended the line
            }
        }
        if (b == '\r') {
            endLine();
            afterCarriageReturn = true;
        } else if (b == '\n') {
            endLine();
        } else {
            if (lineLength == maxLineBytes) {
                throw new MalformedEventStreamException("an event stream line is longer than " + maxLineBytes + " bytes");
            }
            if (lineLength == line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
            }
            line[lineLength++] = b;
        }
    }

    private void endLine() throws MalformedEventStreamException {
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        if (firstLine) {
            firstLine = false;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        processLine(text);
    }

    private void processLine(String text) throws MalformedEventStreamException {
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            handler.onComment(withoutLeadingSpace(text.substring(1)));
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : withoutLeadingSpace(text.substring(colon + 1));
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> {
                if (data.length() + value.length() + 1 > maxEventChars) {
                    throw new MalformedEventStreamException("an event's data is longer than " + maxEventChars + " characters");
                }
                data.append(value).append('\n');
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> retry(value);
            default -> {
                // unknown fields are ignored, as the standard says
            }
        }
    }

    private void retry(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return;
            }
        }
        handler.onRetry(Duration.ofMillis(Long.parseLong(value)));
    }

    private void dispatch() {
        if (data.length() == 0) {
            eventType = "";
            return;
        }
        data.setLength(data.length() - 1); // the LF after the last data line
        ServerSentEvent event = new ServerSentEvent(eventType.isEmpty() ? ServerSentEvent.DEFAULT_TYPE : eventType,
                data.toString(), lastEventId);
        data.setLength(0);
        eventType = "";
        handler.onEvent(event);
    }

    private static String withoutLeadingSpace(String value) {
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
