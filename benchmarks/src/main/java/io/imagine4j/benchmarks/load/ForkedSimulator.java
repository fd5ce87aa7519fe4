package io.imagine4j.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A provider's simulator on the real clock, running in a child JVM ({@link SimulatorProcess}) started
 * from this JVM's own class path. Out of process so that the simulator's threads (one per
 * connection at times), its journal of every request and its CPU are not counted as the client's.
 *
 * <pre>{@code
 * try (ForkedSimulator xai = ForkedSimulator.start(Provider.XAI, Duration.ofSeconds(1))) {
 *     URI base = xai.baseUrl();                   // http://127.0.0.1:PORT/v1
 *     ... run jobs ...
 *     CallCounts calls = xai.counts();
 *     xai.reset();
 * }
 * }</pre>
 */
final class ForkedSimulator implements AutoCloseable {

    private final Process process;
    private final BufferedReader answers;
    private final PrintStream commands;
    private final URI baseUrl;

    private ForkedSimulator(Process process) throws IOException {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String first = answers.readLine();
        if (first == null || !first.startsWith("url ")) {
            process.destroy();
            throw new IllegalStateException("the simulator process did not start (it said: " + first
                    + "); its errors are on this process's standard error");
        }
        this.baseUrl = URI.create(first.substring(4).trim());
    }

    /** The simulator of {@code provider}; one that hints poll intervals hints {@code pollHint}. */
    static ForkedSimulator start(Provider provider, Duration pollHint) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                // Without TCP_NODELAY the JDK HTTP server sends a response's headers and body in two
                // segments, and the second waits ~40 ms for the client's delayed ACK: every call would
                // take 45 ms on loopback, and the run would measure Nagle, not clients.
                "-Dsun.net.httpserver.nodelay=true",
                // The simulator must not be the bottleneck: a heap sized up front, a throughput collector.
                "-Xms256m", "-XX:+UseParallelGC",
                SimulatorProcess.class.getName(), provider.key(), String.valueOf(Math.max(1, pollHint.toMillis())));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new ForkedSimulator(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator process", e);
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** Every call received since the start or the last {@link #reset}. */
    CallCounts counts() {
        return CallCounts.parse(ask("counts"));
    }

    /** Forgets jobs, files and the journal. */
    void reset() {
        String answer = ask("reset");
        if (!answer.equals("ok")) {
            throw new IllegalStateException("the simulator could not reset: " + answer);
        }
    }

    /**
     * The next {@code jobs} jobs take {@code time} ± {@code spreadPercent} % (uniformly spread, the
     * same lengths in every phase) and report linear progress.
     */
    void linear(int jobs, Duration time, int spreadPercent) {
        String answer = ask("linear " + jobs + " " + time.toMillis() + " " + spreadPercent);
        if (!answer.equals("ok")) {
            throw new IllegalStateException("the simulator could not script jobs: " + answer);
        }
    }

    /** When each job known since the last reset ended, by the index in its prompt, in microseconds since the epoch. */
    Map<Integer, Long> ends() {
        String answer = ask("ends");
        if (!answer.startsWith("ends")) {
            throw new IllegalStateException("the simulator answered '" + answer + "' where job ends were expected");
        }
        Map<Integer, Long> ends = new HashMap<>();
        for (String pair : answer.substring(4).trim().split(" ")) {
            if (!pair.isEmpty()) {
                int colon = pair.indexOf(':');
                ends.put(Integer.parseInt(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
            }
        }
        return ends;
    }

    /** Where the child JVM serves a synthetic result of {@code bytes} bytes ({@link SyntheticFileServer}). */
    URI syntheticFile(long bytes) {
        String answer = ask("file " + bytes);
        if (!answer.startsWith("url ")) {
            throw new IllegalStateException("the simulator answered '" + answer + "' where a file URL was expected");
        }
        return URI.create(answer.substring(4).trim());
    }

    /** Synthetic results served in full, and how many requests for them carried a credential: {@code [served, credentials]}. */
    long[] syntheticFilesServed() {
        String[] words = ask("files").split("\\s+");
        return new long[] {Long.parseLong(words[1].split("=")[1]), Long.parseLong(words[2].split("=")[1])};
    }

    /** CPU time the simulator process used so far, when the OS tells. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() {
        commands.close(); // end of input: the child stops its server and exits
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private synchronized String ask(String command) {
        commands.println(command);
        try {
            String answer = answers.readLine();
            if (answer == null) {
                throw new IllegalStateException("the simulator process ended (exit " + exitValue() + ")");
            }
            return answer.trim();
        } catch (IOException e) {
            throw new UncheckedIOException("lost the simulator process", e);
        }
    }

    private String exitValue() {
        return process.isAlive() ? "none yet" : String.valueOf(process.exitValue());
    }
}
