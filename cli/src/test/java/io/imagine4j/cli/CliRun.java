package io.imagine4j.cli;

import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.time.Backoff;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One run of the command, as a fresh process would make it: its own environment and streams, and
 * a home directory of the test's (where the default job store lives), never the user's.
 */
final class CliRun {

    /** The lease a test run holds its jobs under: short, so that a resume after a "killed" run waits little. */
    static final Duration LEASE = Duration.ofSeconds(2);

    final Map<String, String> env = new HashMap<>();
    final Path home;
    boolean interactive;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode = -1;

    CliRun(Path home) {
        this.home = home;
    }

    /** Polls every 20 ms so that runs against a real-clock simulator take a fraction of a second. */
    static ServiceSettings quick() {
        return ServiceSettings.defaults()
                .withPollBackoff(Backoff.of(Duration.ofMillis(20), 1.2, Duration.ofMillis(100), 0.1))
                .withSubmitBackoff(Backoff.of(Duration.ofMillis(50), 2.0, Duration.ofMillis(400), 0.1))
                .withDownloadBackoff(Backoff.of(Duration.ofMillis(20), 2.0, Duration.ofMillis(200), 0.1))
                .withMaxPredictedWait(Duration.ofMillis(200))
                .withLeaseDuration(LEASE);
    }

    CliRun withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRun run(String... args) {
        CliEnvironment environment = new CliEnvironment(env::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), interactive, quick(), home);
        exitCode = Imagine4jCli.run(args, environment);
        return this;
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
