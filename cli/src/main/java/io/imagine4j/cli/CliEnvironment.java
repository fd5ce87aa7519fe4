package io.imagine4j.cli;

import io.imagine4j.core.service.ServiceSettings;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a run of the command sees of its surroundings: environment variables, the two output
 * streams, whether a person watches the terminal, and the service's settings. Tests pass their
 * own, so every run is a fresh "process".
 *
 * @param variables   environment lookup by name (null when unset)
 * @param out         machine output: the job id, the JSON report
 * @param err         human output: progress, messages
 * @param interactive whether to draw a live status line
 * @param settings    polling and retry settings for the job service
 */
record CliEnvironment(Function<String, String> variables, PrintStream out, PrintStream err, boolean interactive,
                      ServiceSettings settings) {

    CliEnvironment {
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(settings, "settings");
    }

    static CliEnvironment system() {
        return new CliEnvironment(System::getenv, System.out, System.err, System.console() != null,
                ServiceSettings.defaults());
    }

    String variable(String name) {
        String value = variables.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
