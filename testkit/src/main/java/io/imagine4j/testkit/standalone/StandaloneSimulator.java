package io.imagine4j.testkit.standalone;

import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.sim.HttpSimulator;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.sim.SimulatorServer;
import io.imagine4j.testkit.xai.XaiSimulator;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Serves every simulator at once on one loopback port, on the real clock, accepting any non-empty
 * API key, until SIGTERM (or Ctrl-C), then stops the server and exits with status 0.
 *
 * <pre>
 * $ java -jar testkit/target/imagine4j-simulator.jar --port 8089
 * xai    http://127.0.0.1:8089/xai/v1
 * openai http://127.0.0.1:8089/openai/v1
 * oxen   http://127.0.0.1:8089/oxen/api
 * </pre>
 */
public final class StandaloneSimulator {

    /** What the standalone server serves, one line of output each. A new simulator adds its line here. */
    public static final List<SimulatorMounting> MOUNTINGS = List.of(
            new SimulatorMounting("xai", "/xai", XaiSimulator::new),
            new SimulatorMounting("openai", "/openai", OpenAiSimulator::new),
            new SimulatorMounting("oxen", "/oxen", OxenSimulator::new));

    private StandaloneSimulator() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port;
        try {
            port = port(args);
        } catch (IllegalArgumentException usage) {
            System.err.println(usage.getMessage());
            System.err.println("usage: java -jar imagine4j-simulator.jar [--port N]   (N = 0 or absent: a free port)");
            System.exit(2);
            return;
        }
        serveUntilStopped(port, System.out);
    }

    /**
     * Serves every simulator on the real clock at {@code port} (0: a free one), prints their base
     * URLs to {@code out}, and blocks until the process is asked to stop (SIGTERM, Ctrl-C), which
     * then exits with status 0.
     */
    public static void serveUntilStopped(int port, PrintStream out) throws InterruptedException {
        serveUntilStopped(port, SimulatorOptions.realTime(), out);
    }

    /** As {@link #serveUntilStopped(int, PrintStream)}, with {@code options} (captioned videos, say) for every simulator. */
    public static void serveUntilStopped(int port, SimulatorOptions options, PrintStream out) throws InterruptedException {
        SimulatorServer server = start(port, options, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
            // The JVM would report SIGTERM as status 143; a requested stop is a clean exit.
            Runtime.getRuntime().halt(0);
        }, "imagine4j-simulator-shutdown"));
        stopped.await();
    }

    /** Starts the server with every {@link #MOUNTINGS mounting} and prints one line per base URL. */
    public static SimulatorServer start(int port, SimulatorOptions options, PrintStream out) {
        SimulatorServer server = SimulatorServer.start(port);
        try {
            for (SimulatorMounting mounting : MOUNTINGS) {
                HttpSimulator<?> simulator = server.mount(mounting.prefix(), mounting.factory().apply(options));
                out.printf("%-6s %s%n", mounting.name(), simulator.baseUrl());
            }
            out.flush();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    static int port(String[] args) {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = parsePort(args[++i]);
            } else if (args[i].startsWith("--port=")) {
                port = parsePort(args[i].substring("--port=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        return port;
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535, got " + text);
            }
            return port;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--port needs a number, got " + text);
        }
    }
}
