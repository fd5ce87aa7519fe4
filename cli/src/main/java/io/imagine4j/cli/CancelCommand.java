package io.imagine4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code imagine4j cancel JOB_ID}: asks the provider to cancel a job (Oxen; OpenAI-compatible servers that can). */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Ask the provider to cancel a job, and record its end in the job store. xAI cannot cancel (exit 2).",
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class CancelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job id as printed, e.g. oxen:3f2a….")
    String jobId;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    CancelCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return new JobRun(common, env).cancel(jobId);
    }
}
