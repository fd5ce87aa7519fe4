package io.imagine4j.cli;

import java.io.PrintStream;

/**
 * Human output on stderr, one line each. {@code --quiet} and {@code --json} silence everything
 * but errors.
 */
final class Messages {

    private final PrintStream err;
    private final boolean silent;

    Messages(CliEnvironment env, CommonOptions options) {
        this(env.err(), options.quiet || options.json);
    }

    Messages(PrintStream err, boolean silent) {
        this.err = err;
        this.silent = silent;
    }

    synchronized void info(String message) {
        if (!silent) {
            err.println(message);
        }
    }

    synchronized void error(String message) {
        err.println("imagine4j: " + message);
    }

    boolean isSilent() {
        return silent;
    }
}
