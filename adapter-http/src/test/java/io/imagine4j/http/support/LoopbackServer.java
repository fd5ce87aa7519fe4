package io.imagine4j.http.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK HTTP server on a loopback port: routes by exact path, records every request it received
 * (method, path with query, headers, body), answers 404 to anything unrouted.
 */
public final class LoopbackServer implements AutoCloseable {

    /** A request as the server saw it; {@code clientPort} tells connections apart. */
    public record Received(String method, URI uri, Map<String, List<String>> headers, byte[] body, int clientPort) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }

        public boolean hasHeader(String name) {
            return header(name) != null;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How a route answers. */
    @FunctionalInterface
    public interface Route {
        void answer(Received request, HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static LoopbackServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "loopback-server");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            LoopbackServer loopback = new LoopbackServer(server, executor);
            server.createContext("/", loopback::dispatch);
            server.start();
            return loopback;
        } catch (IOException e) {
            throw new IllegalStateException("could not start a loopback server", e);
        }
    }

    /** {@code http://127.0.0.1:port} followed by {@code pathAndQuery}. */
    public URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers requests for {@code path} (without query) with {@code route}. */
    public LoopbackServer on(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Answers {@code path} with a fixed status, headers and body. */
    public LoopbackServer answer(String path, int status, Map<String, String> headers, String body) {
        return on(path, (request, exchange) -> reply(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Answers {@code path} with a JSON body. */
    public LoopbackServer json(String path, int status, String body) {
        return answer(path, status, Map.of("Content-Type", "application/json"), body);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        List<Received> matching = new ArrayList<>();
        for (Received request : received) {
            if (request.uri().getPath().equals(path)) {
                matching.add(request);
            }
        }
        return matching;
    }

    /** Sends a whole answer. An empty body goes out with no body at all. */
    public static void reply(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI(), headers, body,
                exchange.getRemoteAddress().getPort());
        received.add(request);
        Route route = routes.get(exchange.getRequestURI().getPath());
        try {
            if (route == null) {
                reply(exchange, 404, Map.of("Content-Type", "application/json"),
                        "{\"error\":{\"message\":\"no route\"}}".getBytes(StandardCharsets.UTF_8));
            } else {
                route.answer(request, exchange);
            }
        } catch (IOException e) {
            exchange.close(); // the client went away: nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
