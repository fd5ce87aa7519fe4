package io.imagine4j.cli;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.out.JobStoreException;
import io.vavr.control.Option;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The {@code imagine4j} command. With no API key it runs on an embedded simulator, so
 * {@code java -jar cli/target/imagine4j.jar generate "A red fox running through snow" -o fox.mp4}
 * works on a fresh machine without network. Every job is recorded in a durable store first
 * ({@code ~/.imagine4j} by default), so an interrupted run loses nothing: {@code imagine4j resume}
 * finishes it.
 */
@Command(name = "imagine4j", mixinStandardHelpOptions = true, version = "imagine4j 0.1.0",
        description = "Generate, edit, extend and remix AI videos on xAI Grok Imagine, OpenAI-compatible servers or the"
                + " Oxen hub (or a local simulator); every job is kept in a durable store.",
        footerHeading = "%n",
        footer = {ExitCodes.TABLE, "",
                "Environment: XAI_API_KEY, OPENAI_API_KEY, OXEN_API_KEY (keys); XAI_BASE_URL, OPENAI_BASE_URL, OXEN_BASE_URL"
                        + " (other endpoints); OXEN_UPLOAD_REPOSITORY (where Oxen takes local inputs); IMAGINE4J_STORE,"
                        + " IMAGINE4J_STORE_USER, IMAGINE4J_STORE_PASSWORD (the job store)."},
        subcommands = {CommandLine.HelpCommand.class})
public final class Imagine4jCli implements Callable<Integer> {

    /** How long Ctrl-C waits for the run to close its service (releasing its leases) before the JVM exits. */
    private static final long CLOSE_ON_INTERRUPT_SECONDS = 5;

    private final CliEnvironment env;

    Imagine4jCli(CliEnvironment env) {
        this.env = env;
    }

    /**
     * Runs the command; Ctrl-C (SIGINT) interrupts the run, which closes its service (releasing the
     * leases of its jobs, which stay in the store) and reports; the JVM then exits with 130.
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Thread main = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.getCount() > 0) {
                main.interrupt();
                try {
                    finished.await(CLOSE_ON_INTERRUPT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "imagine4j-interrupt"));
        int code = run(args, CliEnvironment.system());
        finished.countDown();
        System.exit(code);
    }

    /** Runs the command with {@code args} in {@code env}; answers the exit code. */
    static int run(String[] args, CliEnvironment env) {
        List<String> arguments = Arrays.asList(args);
        Logging.configure(arguments.contains("-v") || arguments.contains("--verbose"));
        boolean json = arguments.contains("--json");
        CommandLine line = new CommandLine(new Imagine4jCli(env))
                .addSubcommand(new GenerateCommand(env))
                .addSubcommand(new EditCommand(env))
                .addSubcommand(new ExtendCommand(env))
                .addSubcommand(new RemixCommand(env))
                .addSubcommand(new StatusCommand(env))
                .addSubcommand(new CancelCommand(env))
                .addSubcommand(new DownloadCommand(env))
                .addSubcommand(new JobsCommand(env))
                .addSubcommand(new ResumeCommand(env))
                .addSubcommand(new ListCommand(env))
                .addSubcommand(new DeleteCommand(env))
                .addSubcommand(new ModelsCommand(env))
                .addSubcommand(new SimulatorCommand(env))
                .addSubcommand(new CompletionCommand(env))
                .setOut(new PrintWriter(env.out(), true))
                .setErr(new PrintWriter(env.err(), true))
                .setParameterExceptionHandler((error, ignored) -> {
                    String command = error.getCommandLine().getCommandName();
                    return failed(env, json, FailureKind.INVALID_REQUEST, "usage", error.getMessage(),
                            "Try: " + ("imagine4j".equals(command) ? "imagine4j --help" : "imagine4j " + command + " --help"),
                            ExitCodes.INVALID_INPUT);
                })
                .setExecutionExceptionHandler((error, commandLine, parsed) -> failure(env, json, error));
        if (json) {
            line.setExecutionStrategy(parsed -> helpAsJson(env, parsed).getOrElse(() -> new CommandLine.RunLast().execute(parsed)));
        }
        return line.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(env.err());
        return ExitCodes.INVALID_INPUT;
    }

    /** With {@code --json}, even {@code --help} answers one JSON object: {@code {"help": "…"}}. */
    private static Option<Integer> helpAsJson(CliEnvironment env, CommandLine.ParseResult parsed) {
        for (CommandLine command : parsed.asCommandLineList()) {
            if (command.isUsageHelpRequested()) {
                env.out().println(new JsonDocument().put("help", command.getUsageMessage(CommandLine.Help.Ansi.OFF)));
                return Option.some(ExitCodes.SUCCESS);
            }
        }
        return Option.none();
    }

    /** An exception that ended a command: input the command cannot act on, a store that cannot be used, or a bug. */
    private static int failure(CliEnvironment env, boolean json, Exception error) {
        if (error instanceof UsageException) {
            return failed(env, json, FailureKind.INVALID_REQUEST, "usage", error.getMessage(), null, ExitCodes.INVALID_INPUT);
        }
        if (error instanceof InvalidRequestException invalid) {
            String message = invalid.violations().stream().map(Violation::message).collect(Collectors.joining("; "));
            return failed(env, json, FailureKind.INVALID_REQUEST, "unsupported", message.isEmpty() ? error.getMessage() : message,
                    null, ExitCodes.INVALID_INPUT);
        }
        if (error instanceof IllegalArgumentException) {
            return failed(env, json, FailureKind.INVALID_REQUEST, "usage", error.getMessage(), null, ExitCodes.INVALID_INPUT);
        }
        if (error instanceof JobStoreException) {
            return failed(env, json, FailureKind.UNAVAILABLE, "job_store", "the job store could not be used: "
                    + error.getMessage(), "Name another one with --store DIR, or fix this one.", ExitCodes.UNEXPECTED);
        }
        error.printStackTrace(env.err());
        return failed(env, json, FailureKind.PROVIDER_ERROR, "unexpected", "an unexpected error (a bug; please report it with"
                + " the trace above): " + error, null, ExitCodes.UNEXPECTED);
    }

    private static int failed(CliEnvironment env, boolean json, FailureKind kind, String code, String message, String hint,
            int exitCode) {
        env.err().println("imagine4j: " + message);
        if (hint != null) {
            env.err().println(hint);
        }
        if (json) {
            env.out().println(JsonDocument.failure(kind, code, message));
        }
        return exitCode;
    }
}
