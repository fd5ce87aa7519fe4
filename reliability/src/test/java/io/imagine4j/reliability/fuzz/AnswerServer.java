package io.imagine4j.reliability.fuzz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP server that answers one path prefix with whatever answer a property sets, and
 * every other path with a bare 404: the smallest real server an adapter can be pointed at, so
 * fuzzed answers travel the whole HTTP path (transport, size limit, JSON mapping, interpretation).
 *
 * <pre>{@code
 * try (AnswerServer server = AnswerServer.start("/v1/videos/")) {
 *     server.answer(200, "application/json", bytes);
 *     provider.poll(JobId.of("xai", "fuzz"));
 * }
 * }</pre>
 */
final class AnswerServer implements AutoCloseable {

    /** One answer: status, content type, body. */
    record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final String path;
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(404, "text/plain", new byte[0]));
    private final AtomicInteger hits = new AtomicInteger();

    private AnswerServer(HttpServer server, ExecutorService threads, String path) {
        this.server = server;
        this.threads = threads;
        this.path = path;
    }

    /** Starts on 127.0.0.1, an ephemeral port, answering requests whose path starts with {@code path}. */
    static AnswerServer start(String path) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
                Thread thread = new Thread(task, "fuzz-answer-server");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            AnswerServer answers = new AnswerServer(server, threads, path);
            server.createContext("/", answers::handle);
            server.start();
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL with {@code root} ({@code /v1}) as its path. */
    URI baseUrl(String root) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + root);
    }

    void answer(int status, String contentType, byte[] body) {
        answer.set(new Answer(status, contentType, body));
    }

    /** How many requests the fuzzed path got. */
    int hits() {
        return hits.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().startsWith(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            hits.incrementAndGet();
            Answer now = answer.get();
            exchange.getResponseHeaders().set("Content-Type", now.contentType());
            exchange.sendResponseHeaders(now.status(), now.body().length == 0 ? -1 : now.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(now.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
