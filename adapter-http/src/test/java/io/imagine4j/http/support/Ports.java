package io.imagine4j.http.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/** Loopback ports in particular states. */
public final class Ports {

    private Ports() {
    }

    /** A loopback port nobody listens on: connecting is refused. */
    public static int closed() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A listening port whose accept backlog is full, so a new connection times out rather than
     * being refused (Linux drops the SYN). Close the result to release it.
     */
    public static FullBacklog fullBacklog() throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        List<Socket> fillers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
                fillers.add(filler);
            } catch (SocketTimeoutException full) {
                filler.close();
                return new FullBacklog(server, fillers);
            }
        }
        throw new IllegalStateException("the backlog never filled up");
    }

    /** A server socket nobody accepts on, with its backlog full. */
    public record FullBacklog(ServerSocket server, List<Socket> fillers) implements AutoCloseable {
        public int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket filler : fillers) {
                filler.close();
            }
            server.close();
        }
    }
}
