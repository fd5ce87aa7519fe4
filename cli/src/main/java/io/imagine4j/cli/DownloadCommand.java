package io.imagine4j.cli;

import io.imagine4j.core.model.ContentVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code imagine4j download JOB_ID -o FILE}: save a job's video, waiting for it if needed. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Save a job's video (or its thumbnail or spritesheet), waiting for the job to end unless --no-wait."
                + " A job that ended in the job store is saved from its stored result, with no provider call.",
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class DownloadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job id as printed, e.g. xai:8b0b1f1e.")
    String jobId;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to save it.")
    Path output;

    @Option(names = "--variant", paramLabel = "V", defaultValue = "video",
            description = "video, thumbnail or spritesheet (the last two on OpenAI-compatible servers; default: ${DEFAULT-VALUE}).")
    String variant;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    DownloadCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return new JobRun(common, env).download(jobId, output, variant());
    }

    private ContentVariant variant() {
        for (ContentVariant value : ContentVariant.values()) {
            if (value.label().equals(variant.trim().toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        throw new UsageException("--variant: '" + variant + "' is not a variant; use video, thumbnail or spritesheet");
    }
}
