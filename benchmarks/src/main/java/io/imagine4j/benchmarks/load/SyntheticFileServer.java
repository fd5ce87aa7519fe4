package io.imagine4j.benchmarks.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback file server of synthetic results of any size, for the download run: {@code GET
 * /results/{bytes}.mp4} answers 200 with that many bytes of a fixed pattern, written from one
 * 64 KiB buffer, so a 1 GiB result never sits in memory. It is the JDK's HTTP server, as the
 * simulators are, and it runs in the simulator's child JVM: every client reads the same bytes over
 * the same kind of connection, and the server's CPU is not counted as theirs.
 */
final class SyntheticFileServer implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(RawHttpClient.daemons("synthetic-files-"));
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong withCredentials = new AtomicLong();

    private SyntheticFileServer(HttpServer server) {
        this.server = server;
    }

    static SyntheticFileServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        SyntheticFileServer files = new SyntheticFileServer(server);
        server.createContext("/results/", files::serve);
        server.setExecutor(files.threads);
        server.start();
        return files;
    }

    /** Where a result of {@code bytes} bytes is served. */
    URI url(long bytes) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/results/" + bytes + ".mp4");
    }

    /** Downloads answered in full. */
    long served() {
        return served.get();
    }

    /** Downloads that carried an {@code Authorization} header: a result URL is public, a key must not reach it. */
    long withCredentials() {
        return withCredentials.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                withCredentials.incrementAndGet();
            }
            String name = exchange.getRequestURI().getPath().substring("/results/".length());
            long size;
            try {
                size = Long.parseLong(name.replace(".mp4", ""));
            } catch (NumberFormatException e) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, size);
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) 'v');
            try (OutputStream body = exchange.getResponseBody()) {
                for (long left = size; left > 0; left -= CHUNK) {
                    body.write(chunk, 0, (int) Math.min(CHUNK, left));
                }
            }
            served.incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
