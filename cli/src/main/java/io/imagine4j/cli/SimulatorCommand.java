package io.imagine4j.cli;

import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.standalone.StandaloneSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code imagine4j simulator}: serve every simulated API on one port until stopped; its videos show their requests. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Serve the simulated xAI, OpenAI-compatible and Oxen APIs on loopback until Ctrl-C or SIGTERM;"
                + " prints their base URLs. Its videos show the prompt, model and length that made them.",
        footerHeading = "%n", footer = "Exit codes:%n  0    stopped by Ctrl-C or SIGTERM%n  2    invalid usage")
final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The port (default: a free one).")
    int port;

    private final CliEnvironment env;

    SimulatorCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        try {
            StandaloneSimulator.serveUntilStopped(port, SimulatorOptions.realTime().withCaptions(true), env.out());
        } catch (InterruptedException stopping) {
            // Ctrl-C: the simulator's own shutdown hook stops the server and exits with 0.
            Thread.currentThread().interrupt();
        }
        return ExitCodes.SUCCESS;
    }
}
