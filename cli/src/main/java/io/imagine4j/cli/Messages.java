package io.imagine4j.cli;

import java.io.PrintStream;

/**
 * Human output on stderr: one-line messages, and on a terminal a live status line redrawn in
 * place. {@code --quiet} and {@code --json} silence everything but errors.
 */
final class Messages {

    private final PrintStream err;
    private final boolean silent;
    private final boolean live;
    private int lineLength;

    Messages(CliEnvironment env, CommonOptions options) {
        this(env.err(), options.quiet || options.json, env.interactive());
    }

    Messages(PrintStream err, boolean silent, boolean interactive) {
        this.err = err;
        this.silent = silent;
        this.live = interactive && !silent;
    }

    synchronized void info(String message) {
        if (!silent) {
            clearLine();
            err.println(message);
        }
    }

    synchronized void error(String message) {
        clearLine();
        err.println("imagine4j: " + message);
    }

    /** Redraws the status line on a terminal; elsewhere nothing (status changes arrive as {@link #info}). */
    synchronized void status(String line) {
        if (live) {
            String padded = line.length() < lineLength ? line + " ".repeat(lineLength - line.length()) : line;
            err.print("\r" + padded);
            err.flush();
            lineLength = line.length();
        }
    }

    boolean isLive() {
        return live;
    }

    synchronized void endStatus() {
        if (live && lineLength > 0) {
            err.println();
            lineLength = 0;
        }
    }

    private void clearLine() {
        if (live && lineLength > 0) {
            err.print("\r" + " ".repeat(lineLength) + "\r");
            lineLength = 0;
        }
    }
}
