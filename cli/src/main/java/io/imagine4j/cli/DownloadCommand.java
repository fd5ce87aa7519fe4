package io.imagine4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code imagine4j download JOB_ID -o FILE}: save a job's video, waiting for it if needed. */
@Command(name = "download", description = "Save a job's video, waiting for the job to finish unless --no-wait.")
final class DownloadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job id as printed, e.g. xai:8b0b1f1e.")
    String jobId;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to save the video.")
    Path output;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    DownloadCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return new JobRun(common, env).download(jobId, output);
    }
}
