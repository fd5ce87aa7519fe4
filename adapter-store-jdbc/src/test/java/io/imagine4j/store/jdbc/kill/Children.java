package io.imagine4j.store.jdbc.kill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The child JVMs of a kill test ({@link JobsProcess}, on this test's own classpath), and what
 * they said. The parent waits for conditions, re-checked each time a child says something: no
 * sleeping, and no waiting past a deadline.
 */
final class Children implements AutoCloseable {

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, List<String>> said = new LinkedHashMap<>();

    /** Starts a child named {@code name}; {@code arguments} as {@link JobsProcess} reads them. */
    synchronized void start(String name, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), JobsProcess.class.getName()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            processes.put(name, process);
            said.put(name, new ArrayList<>());
            Thread reader = new Thread(() -> read(name, process), "child-" + name + "-stdout");
            reader.setDaemon(true);
            reader.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code condition} holds, checking it whenever a child says something (and at least each second). */
    synchronized void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Gave up after " + timeout + " waiting for " + what + "; the children said "
                        + summary());
            }
            failIfAnyFailed();
            wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1_000)));
        }
    }

    /** Whether child {@code name} has said {@code line}. */
    synchronized boolean said(String name, String line) {
        return said.get(name).contains(line);
    }

    /** Every line of {@code prefix} the children said, child by child. */
    synchronized List<String> lines(String prefix) {
        List<String> lines = new ArrayList<>();
        said.values().forEach(all -> all.stream().filter(line -> line.startsWith(prefix)).forEach(lines::add));
        return lines;
    }

    /** Sum of {@code n} over the lines {@code "<word> n"} of child {@code name}. */
    synchronized int sum(String name, String word) {
        return said.get(name).stream().filter(line -> line.startsWith(word + " "))
                .mapToInt(line -> Integer.parseInt(line.substring(word.length() + 1))).sum();
    }

    /** SIGKILL: the child gets no chance to clean up. */
    void kill(String name) throws InterruptedException {
        Process process = process(name);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child " + name + " survived SIGKILL");
        }
    }

    /** Asks the child to close its service and exit; answers its exit status. */
    int stop(String name) throws InterruptedException {
        Process process = process(name);
        try (OutputStream in = process.getOutputStream()) {
            in.write("stop\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // it is gone already: its status tells
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child " + name + " did not stop");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        for (Process process : processes.values()) {
            process.destroyForcibly();
        }
    }

    private synchronized Process process(String name) {
        return processes.get(name);
    }

    private void read(String name, Process process) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                heard(name, line);
            }
        } catch (IOException e) {
            heard(name, "STDOUT-BROKEN " + e.getMessage());
        }
    }

    private synchronized void heard(String name, String line) {
        said.get(name).add(line);
        notifyAll();
    }

    private void failIfAnyFailed() {
        said.forEach((name, lines) -> lines.stream().filter(line -> line.startsWith("FAILED")).findFirst().ifPresent(line -> {
            throw new AssertionError("child " + name + " reported " + line);
        }));
    }

    private String summary() {
        StringBuilder text = new StringBuilder();
        said.forEach((name, lines) -> text.append(name).append(": ").append(lines.size()).append(" lines, last ")
                .append(lines.isEmpty() ? "none" : lines.get(lines.size() - 1)).append("; "));
        return text.toString();
    }
}
