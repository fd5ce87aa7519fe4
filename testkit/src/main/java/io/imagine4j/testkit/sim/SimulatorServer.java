package io.imagine4j.testkit.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One loopback HTTP server (JDK {@code com.sun.net.httpserver}) that serves one or several
 * simulators, each under its own path prefix, so a single port can speak every provider's
 * protocol at once.
 *
 * <pre>{@code
 * try (SimulatorServer server = SimulatorServer.start(0)) {
 *     XaiSimulator xai = server.mount("/xai", new XaiSimulator(SimulatorOptions.realTime()));
 *     System.out.println(xai.baseUrl());                   // http://127.0.0.1:PORT/xai/v1
 * }
 * }</pre>
 */
public final class SimulatorServer implements AutoCloseable {

    /** The JDK HTTP server's switch for {@code TCP_NODELAY} on accepted connections. */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private static final AtomicInteger THREADS = new AtomicInteger();

    static {
        // The JDK server writes an answer's headers and body in two writes; with Nagle's algorithm
        // on, the body waits for the client's delayed ACK of the headers: 40 ms per request on a
        // kept-alive connection. Read once, when the JDK server first starts in this JVM.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI origin;
    private final List<Mounted> mounts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SimulatorServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Listens on 127.0.0.1:{@code port}; 0 picks a free port. */
    public static SimulatorServer start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 128);
            // Slow bodies and event streams hold a thread each: the pool grows as needed, and its
            // daemon threads never keep a JVM alive.
            ExecutorService executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "imagine4j-sim-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            SimulatorServer simulators = new SimulatorServer(server, executor);
            server.createContext("/", simulators::handle);
            server.start();
            return simulators;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI origin() {
        return origin;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Serves {@code simulator} under {@code prefix} ({@code ""} for the root, else like {@code /xai}).
     *
     * @return the simulator, now serving at {@code origin + prefix}
     */
    public <S extends HttpSimulator<?>> S mount(String prefix, S simulator) {
        if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
            throw new IllegalArgumentException("a mount prefix is empty or like /xai (leading slash, none trailing): " + prefix);
        }
        if (mounts.stream().anyMatch(mounted -> mounted.prefix().equals(prefix))) {
            throw new IllegalArgumentException("something is already mounted at '" + prefix + "'");
        }
        simulator.attach(origin, prefix);
        mounts.add(new Mounted(prefix, simulator));
        mounts.sort(Comparator.comparingInt((Mounted mounted) -> mounted.prefix().length()).reversed());
        return simulator;
    }

    /** The simulators served, longest prefix first. */
    public List<HttpSimulator<?>> simulators() {
        return mounts.stream().<HttpSimulator<?>>map(Mounted::simulator).toList();
    }

    /** Stops listening, closes every connection and cuts held bodies and streams. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            mounts.forEach(mounted -> mounted.simulator().close());
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange http) throws IOException {
        String path = http.getRequestURI().getRawPath();
        for (Mounted mounted : mounts) {
            String prefix = mounted.prefix();
            if (prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/")) {
                String below = path.substring(prefix.length());
                mounted.simulator().serve(http, below.isEmpty() ? "/" : below);
                return;
            }
        }
        http.getRequestBody().readAllBytes();
        byte[] body = ("No simulator is mounted at " + path + ". Mounted: "
                + mounts.stream().map(mounted -> mounted.simulator().baseUrl().toString()).collect(Collectors.joining(", ")) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        http.sendResponseHeaders(404, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    private record Mounted(String prefix, HttpSimulator<?> simulator) {
    }
}
