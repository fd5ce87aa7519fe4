package io.imagine4j.testkit.internal.sim;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a long-lived response body (server-sent events) on the thread that serves the request,
 * for as long as it likes; the simulator interrupts that thread when it is reset or closed.
 * Flush after each event, or the client sees nothing.
 */
@FunctionalInterface
public interface StreamBody {
    void write(OutputStream out) throws IOException, InterruptedException;
}
