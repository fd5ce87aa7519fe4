package io.imagine4j.testkit.internal.sim;

import io.imagine4j.testkit.internal.json.JsonValue;
import io.imagine4j.testkit.internal.json.JsonWriter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a simulator sends back for one request: an ordinary answer, or one of the ways the wire
 * misbehaves (no answer at all, a body that comes late, a body cut short, an open-ended stream),
 * or an answer that waits for the simulator clock before anything is sent (a blocking endpoint).
 *
 * <pre>{@code
 * Reply ok = Reply.json(200, body);
 * Reply slow = new Reply.Delayed(ok, Duration.ofSeconds(20));   // headers now, body 20 s later (simulator time)
 * }</pre>
 */
public sealed interface Reply {

    /** The status sent, or -1 when nothing is sent (or not known yet: a {@link Deferred} answer). */
    int status();

    /** A complete answer. Header names are sent as given. */
    record Answer(int status, Map<String, String> headers, byte[] body) implements Reply {
        public Answer {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, more, body);
        }

        public Answer withStatus(int newStatus) {
            return new Answer(newStatus, headers, body);
        }

        public Answer withBody(String contentType, byte[] newBody) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put("Content-Type", contentType);
            return new Answer(status, changed, newBody);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The connection closes after the request was read, with no response at all. */
    record Drop() implements Reply {
        @Override
        public int status() {
            return -1;
        }
    }

    /** The answer's headers go out at once, its body once the simulator clock has moved {@code delay} on. */
    record Delayed(Answer answer, Duration delay) implements Reply {
        public Delayed {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(delay, "delay");
        }

        @Override
        public int status() {
            return answer.status();
        }
    }

    /** The headers announce the whole body, then only {@code sentBytes} of it arrive before the connection closes. */
    record Truncated(Answer answer, int sentBytes) implements Reply {
        public Truncated {
            Objects.requireNonNull(answer, "answer");
            if (sentBytes < 0 || sentBytes >= Math.max(1, answer.body().length)) {
                throw new IllegalArgumentException("a truncated body sends fewer bytes than it announces, got "
                        + sentBytes + " of " + answer.body().length);
            }
        }

        @Override
        public int status() {
            return answer.status();
        }
    }

    /**
     * An answer decided later: nothing at all is sent until the simulator clock reads
     * {@code readyAt}, then {@code answer} says what to send (which may throw {@link RejectedCall}).
     * For an endpoint that blocks until a job ends (Oxen's synchronous generate). While it waits it
     * counts in {@code heldResponses()}, so a test knows when to move the clock; a reset or close
     * drops its connection. Faults that alter an answer apply to the one it gives.
     *
     * <pre>{@code
     * return new Reply.Deferred(job.endsAt(), () -> render(job.moment(clock().now())));
     * }</pre>
     */
    record Deferred(Instant readyAt, Supplier<Reply> answer) implements Reply {
        public Deferred {
            Objects.requireNonNull(readyAt, "readyAt");
            Objects.requireNonNull(answer, "answer");
        }

        @Override
        public int status() {
            return -1;
        }
    }

    /** An open-ended body written by {@code body} (server-sent events), chunked. */
    record Stream(int status, Map<String, String> headers, StreamBody body) implements Reply {
        public Stream {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    static Answer json(int status, JsonValue body) {
        return new Answer(status, Map.of("Content-Type", "application/json"), JsonWriter.utf8(body));
    }

    static Answer empty(int status) {
        return new Answer(status, Map.of(), new byte[0]);
    }

    static Answer bytes(int status, String contentType, byte[] body) {
        return new Answer(status, Map.of("Content-Type", contentType), body);
    }

    static Answer text(int status, String contentType, String body) {
        return bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
