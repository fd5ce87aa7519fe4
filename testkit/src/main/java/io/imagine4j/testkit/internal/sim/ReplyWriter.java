package io.imagine4j.testkit.internal.sim;

import com.sun.net.httpserver.HttpExchange;
import io.imagine4j.testkit.sim.SimulatorClock;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Puts a {@link Reply} on the wire of the JDK HTTP server, misbehaviour included: a dropped
 * connection, headers now and body later (on the simulator clock), a body cut short, an open
 * stream, an answer held back whole until the clock reaches its time. Threads holding an answer back can be cut loose all at once (reset, close).
 */
public final class ReplyWriter {

    private final SimulatorClock clock;
    private final Set<Thread> holders = new HashSet<>();

    public ReplyWriter(SimulatorClock clock) {
        this.clock = clock;
    }

    /**
     * Sends {@code reply}; {@code answered} learns the status just before the headers go out (-1
     * when none are sent), so whoever saw the answer finds it recorded. A HEAD request gets the headers of the answer, its length, no body.
     *
     * @throws DroppedConnection to make the server close the connection
     */
    public void send(HttpExchange http, Reply reply, boolean head, IntConsumer answered) throws IOException {
        if (reply instanceof Reply.Drop) {
            answered.accept(-1);
            throw new DroppedConnection();
        }
        if (reply instanceof Reply.Deferred deferred) {
            awaitReady(deferred, answered);
            send(http, deferred.answer().get(), head, answered);
            return;
        }
        if (head) {
            sendHead(http, reply, answered);
            return;
        }
        if (reply instanceof Reply.Answer answer) {
            headers(http, answer.headers());
            answered.accept(answer.status());
            http.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(answer.body());
            }
            return;
        }
        if (reply instanceof Reply.Delayed delayed) {
            sendDelayed(http, delayed, answered);
            return;
        }
        if (reply instanceof Reply.Truncated truncated) {
            Reply.Answer answer = truncated.answer();
            headers(http, answer.headers());
            answered.accept(answer.status());
            http.sendResponseHeaders(answer.status(), answer.body().length);
            OutputStream out = http.getResponseBody();
            out.write(answer.body(), 0, truncated.sentBytes());
            out.flush();
            throw new DroppedConnection();
        }
        sendStream(http, (Reply.Stream) reply, answered);
    }

    /** The status and headers the answer would have, with its length, and never a body (nor a delay). */
    private static void sendHead(HttpExchange http, Reply reply, IntConsumer answered) throws IOException {
        int status = reply.status();
        Map<String, String> headers;
        long length;
        if (reply instanceof Reply.Stream stream) {
            headers = stream.headers();
            length = -1;
        } else {
            Reply.Answer answer = reply instanceof Reply.Delayed delayed ? delayed.answer()
                    : reply instanceof Reply.Truncated truncated ? truncated.answer() : (Reply.Answer) reply;
            headers = answer.headers();
            length = answer.body().length;
        }
        headers(http, headers);
        if (length >= 0) {
            http.getResponseHeaders().set("Content-Length", String.valueOf(length));
        }
        answered.accept(status);
        http.sendResponseHeaders(status, -1);
        http.close();
    }

    /** How many threads hold an answer back right now. */
    public int held() {
        synchronized (holders) {
            return holders.size();
        }
    }

    /** Cuts every held answer: its connection closes. */
    public void cutHeld() {
        synchronized (holders) {
            holders.forEach(Thread::interrupt);
        }
    }

    /** Holds the thread, sending nothing, until the clock reaches the deferred answer's time. */
    private void awaitReady(Reply.Deferred deferred, IntConsumer answered) throws DroppedConnection {
        hold();
        try {
            clock.awaitUntil(deferred.readyAt());
        } catch (InterruptedException cut) {
            answered.accept(-1);
            throw new DroppedConnection();
        } finally {
            release();
        }
    }

    private void sendDelayed(HttpExchange http, Reply.Delayed delayed, IntConsumer answered) throws IOException {
        Reply.Answer answer = delayed.answer();
        headers(http, answer.headers());
        if (answer.body().length == 0) {
            answered.accept(answer.status());
            http.sendResponseHeaders(answer.status(), -1);
            http.close();
            return;
        }
        answered.accept(answer.status());
        http.sendResponseHeaders(answer.status(), answer.body().length);
        OutputStream out = http.getResponseBody();
        out.flush(); // the headers leave now
        Instant deadline = clock.now().plus(delayed.delay());
        hold();
        try {
            clock.awaitUntil(deadline);
        } catch (InterruptedException cut) {
            throw new DroppedConnection();
        } finally {
            release();
        }
        out.write(answer.body());
        out.close();
    }

    private void sendStream(HttpExchange http, Reply.Stream stream, IntConsumer answered) throws IOException {
        headers(http, stream.headers());
        answered.accept(stream.status());
        http.sendResponseHeaders(stream.status(), 0); // chunked
        OutputStream out = http.getResponseBody();
        out.flush();
        hold();
        try {
            stream.body().write(out);
        } catch (InterruptedException cut) {
            throw new DroppedConnection();
        } finally {
            release();
        }
        out.close();
    }

    // A thread is interrupted only while registered here, and clears any interrupt as it leaves,
    // so a pooled server thread never carries an interrupt into its next request.
    private void hold() {
        synchronized (holders) {
            holders.add(Thread.currentThread());
        }
    }

    private void release() {
        synchronized (holders) {
            holders.remove(Thread.currentThread());
            Thread.interrupted();
        }
    }

    private static void headers(HttpExchange http, Map<String, String> headers) {
        headers.forEach((name, value) -> http.getResponseHeaders().set(name, value));
    }

    /** Thrown to the HTTP server, which then closes the connection without (the rest of) an answer. */
    public static final class DroppedConnection extends IOException {
        public DroppedConnection() {
            super("connection dropped by a simulated fault", null);
        }
    }
}
