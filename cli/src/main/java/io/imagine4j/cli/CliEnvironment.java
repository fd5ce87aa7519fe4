package io.imagine4j.cli;

import io.imagine4j.core.service.ServiceSettings;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a run of the command sees of its surroundings: environment variables, the two output
 * streams, whether a person watches the terminal, the service's settings and the home directory
 * (where the default job store lives). Tests pass their own, so every run is a fresh "process".
 *
 * @param variables   environment lookup by name (null when unset)
 * @param out         machine output: the job id, the JSON report
 * @param err         human output: progress, messages
 * @param interactive whether to draw progress bars (stderr is a terminal)
 * @param settings    polling, retry and lease settings for the job service
 * @param home        the user's home directory; the default store is {@code home/.imagine4j}
 */
record CliEnvironment(Function<String, String> variables, PrintStream out, PrintStream err, boolean interactive,
                      ServiceSettings settings, Path home) {

    /**
     * A command-line process holds its jobs' leases for 15 s (renewed every 5 s while it runs), so
     * the jobs of a killed one can be resumed soon after; the system property
     * {@code imagine4j.cli.lease} (an ISO-8601 duration) changes it.
     */
    static final Duration LEASE = Duration.ofSeconds(15);
    /**
     * A person watches the bar: a job that reports progress is polled at least every 3 s (official
     * clients poll every 1–5 s), rather than as late as a prediction from its first percentage allows.
     */
    static final Duration MAX_POLL_WAIT = Duration.ofSeconds(3);

    CliEnvironment {
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(home, "home");
    }

    static CliEnvironment system() {
        Duration lease = Duration.parse(System.getProperty("imagine4j.cli.lease", LEASE.toString()));
        return new CliEnvironment(System::getenv, System.out, System.err, onTerminal(),
                ServiceSettings.defaults().withLeaseDuration(lease).withMaxPredictedWait(MAX_POLL_WAIT),
                Path.of(System.getProperty("user.home")));
    }

    String variable(String name) {
        String value = variables.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Whether a person watches: standard input and output are a terminal. From Java 22 on,
     * {@code System.console()} is there even when they are not, and {@code Console.isTerminal()}
     * (absent from Java 17, hence the reflection) tells.
     */
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJava22) {
            return true;
        }
    }
}
