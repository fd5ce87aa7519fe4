package io.imagine4j.cli;

import io.imagine4j.testkit.standalone.StandaloneSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code imagine4j simulator}: serve every simulated API on one port until stopped. */
@Command(name = "simulator", description = "Serve the simulated APIs on loopback until Ctrl-C or SIGTERM; prints their base URLs.")
final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The port (default: a free one).")
    int port;

    private final CliEnvironment env;

    SimulatorCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        StandaloneSimulator.serveUntilStopped(port, env.out());
        return ExitCodes.SUCCESS;
    }
}
