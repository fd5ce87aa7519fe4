package io.imagine4j.http.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server for misbehaviour an HTTP server library will not produce: it reads each
 * request's head (and as much body as arrived) and then does what the test says: reset the
 * connection, close it, say nothing, or write raw bytes.
 */
public final class RawSocketServer implements AutoCloseable {

    /** What to do with a connection once its request head has arrived. */
    @FunctionalInterface
    public interface Behaviour {
        void handle(Socket socket, String requestHead) throws IOException;
    }

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch firstRequest = new CountDownLatch(1);

    private RawSocketServer(ServerSocket server, Behaviour behaviour) {
        this.server = server;
        Thread acceptor = new Thread(() -> accept(behaviour), "raw-socket-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static RawSocketServer start(Behaviour behaviour) {
        try {
            return new RawSocketServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), behaviour);
        } catch (IOException e) {
            throw new IllegalStateException("could not open a loopback socket", e);
        }
    }

    /** Resets the connection (RST) once the request arrived. */
    public static Behaviour resetAfterRequest() {
        return (socket, head) -> {
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /** Closes the connection (FIN) once the request arrived, without a word. */
    public static Behaviour closeAfterRequest() {
        return (socket, head) -> socket.close();
    }

    /** Keeps the connection open and never answers. */
    public static Behaviour neverAnswer() {
        return (socket, head) -> { };
    }

    /**
     * Writes {@code bytes} and ends the output cleanly (FIN), so the client surely reads them before
     * the end; a reset could make it drop bytes it had not read yet.
     */
    public static Behaviour writeThenEnd(String bytes) {
        return (socket, head) -> {
            socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
        };
    }

    /** Writes {@code bytes} and keeps the connection open, silent. */
    public static Behaviour writeThenStall(String bytes) {
        return (socket, head) -> {
            socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        };
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** How many requests arrived (one per connection). */
    public int requests() {
        return heads.size();
    }

    public List<String> heads() {
        return List.copyOf(heads);
    }

    public int connections() {
        return connections.get();
    }

    public boolean awaitRequest(long seconds) throws InterruptedException {
        return firstRequest.await(seconds, TimeUnit.SECONDS);
    }

    private void accept(Behaviour behaviour) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return;
            }
            connections.incrementAndGet();
            open.add(socket);
            Thread worker = new Thread(() -> serve(socket, behaviour), "raw-socket-connection");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void serve(Socket socket, Behaviour behaviour) {
        try {
            String head = readHead(socket.getInputStream());
            if (head.isEmpty()) {
                socket.close();
                return;
            }
            heads.add(head);
            firstRequest.countDown();
            behaviour.handle(socket, head);
        } catch (IOException e) {
            closeQuietly(socket);
        }
    }

    /** Reads up to the blank line ending the head; the body, if any, is left for the kernel. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // the test is over for this connection either way
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException alreadyClosed) {
            // nothing left to release
        }
        open.forEach(RawSocketServer::closeQuietly);
    }
}
