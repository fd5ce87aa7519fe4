package io.imagine4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code imagine4j status JOB_ID}: where a job stands, from the store when it ended there, else asked of the provider. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show where a job stands: from the job store when it ended there, else asking the provider.",
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job id as printed, e.g. xai:8b0b1f1e.")
    String jobId;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    StatusCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return new JobRun(common, env).status(jobId);
    }
}
