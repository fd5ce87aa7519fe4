package io.imagine4j.cli;

import io.imagine4j.core.model.VideoRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code imagine4j remix}: a new video from a previous one of the provider's, changed as the prompt says. */
@Command(name = "remix", mixinStandardHelpOptions = true,
        description = "Remix a previous job's video as the prompt says (OpenAI-compatible servers).",
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class RemixCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROMPT", description = "What to change.")
    String positionalPrompt;

    @Option(names = "--from", required = true, paramLabel = "JOB_ID", description = "The job whose video to remix, e.g. openai:video_123.")
    String from;

    @Mixin
    VideoOptionsMixin video;

    @Mixin
    CostOptions cost;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    RemixCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        VideoRequest request = VideoRequest.remix(video.prompt(positionalPrompt),
                InputArgument.jobId(from, Backends.chosenApi(common, env).label()));
        return new JobRun(common, env).submit(request.with(video::apply), video.output(), cost);
    }
}
