package io.imagine4j.http.support;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A loopback server of {@code text/event-stream} at {@code /events}; the test writes to each connection. */
public final class EventSource implements AutoCloseable {

    /** One open stream, as the server holds it. */
    public static final class Connection {
        private final HttpExchange exchange;
        private final LoopbackServer.Received request;
        private final CountDownLatch dropped = new CountDownLatch(1);

        Connection(HttpExchange exchange, LoopbackServer.Received request) {
            this.exchange = exchange;
            this.request = request;
        }

        public LoopbackServer.Received request() {
            return request;
        }

        /** Writes {@code text} and flushes it to the client. */
        public void send(String text) throws IOException {
            OutputStream out = exchange.getResponseBody();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Ends the stream from the server's side. */
        public void drop() {
            dropped.countDown();
        }

        /** Writes comments until a write fails, proving the client let go; false if it never does. */
        public boolean clientHasLeft() {
            for (int i = 0; i < 10_000; i++) {
                try {
                    send(": probe " + "x".repeat(1_000) + "\n");
                } catch (IOException gone) {
                    return true;
                }
            }
            return false;
        }
    }

    private final LoopbackServer server = LoopbackServer.start();
    private final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();

    private EventSource() {
        server.on("/events", (request, exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().flush();
            Connection connection = new Connection(exchange, request);
            connections.add(connection);
            try {
                connection.dropped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
    }

    public static EventSource start() {
        return new EventSource();
    }

    public URI url() {
        return server.url("/events");
    }

    /** Other routes on the same server, for failing answers. */
    public LoopbackServer server() {
        return server;
    }

    /** The next connection a client opens, waiting up to five seconds. */
    public Connection nextConnection() throws InterruptedException {
        Connection next = connections.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no client connected within 5 s");
        }
        return next;
    }

    @Override
    public void close() {
        Connection open;
        while ((open = connections.poll()) != null) {
            open.drop();
        }
        server.close();
    }
}
