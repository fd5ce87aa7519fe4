package io.imagine4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * The {@code imagine4j} command. With no API key it runs on an embedded simulator, so
 * {@code java -jar cli/target/imagine4j.jar generate "A red fox running through snow" -o fox.mp4}
 * works on a fresh machine without network.
 */
@Command(name = "imagine4j", mixinStandardHelpOptions = true, version = "imagine4j 0.1.0",
        description = "Generate, edit and extend AI videos (xAI Grok Imagine, or a local simulator).",
        footerHeading = "%n", footer = {ExitCodes.TABLE, "", "Environment: XAI_API_KEY (the key), XAI_BASE_URL (another endpoint)."},
        subcommands = {CommandLine.HelpCommand.class})
public final class Imagine4jCli implements Callable<Integer> {

    private final CliEnvironment env;

    Imagine4jCli(CliEnvironment env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(run(args, CliEnvironment.system()));
    }

    /** Runs the command with {@code args} in {@code env}; answers the exit code. */
    static int run(String[] args, CliEnvironment env) {
        boolean verbose = java.util.Arrays.asList(args).contains("-v") || java.util.Arrays.asList(args).contains("--verbose");
        Logging.configure(verbose);
        CommandLine line = new CommandLine(new Imagine4jCli(env))
                .addSubcommand(new GenerateCommand(env))
                .addSubcommand(new EditCommand(env))
                .addSubcommand(new ExtendCommand(env))
                .addSubcommand(new StatusCommand(env))
                .addSubcommand(new DownloadCommand(env))
                .addSubcommand(new SimulatorCommand(env))
                .setOut(new java.io.PrintWriter(env.out(), true))
                .setErr(new java.io.PrintWriter(env.err(), true))
                .setExitCodeExceptionMapper(error -> error instanceof UsageException ? ExitCodes.INVALID_INPUT : 1)
                .setParameterExceptionHandler((error, arguments) -> {
                    env.err().println("imagine4j: " + error.getMessage());
                    env.err().println("Try: imagine4j " + error.getCommandLine().getCommandName() + " --help");
                    return ExitCodes.INVALID_INPUT;
                })
                .setExecutionExceptionHandler((error, commandLine, parsed) -> {
                    if (error instanceof UsageException) {
                        env.err().println("imagine4j: " + error.getMessage());
                        return ExitCodes.INVALID_INPUT;
                    }
                    throw error;
                });
        return line.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(env.err());
        return ExitCodes.INVALID_INPUT;
    }
}
