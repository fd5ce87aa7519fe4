package io.imagine4j.cli;

import io.imagine4j.core.model.VideoRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code imagine4j extend}: continue a video with a new segment. */
@Command(name = "extend", mixinStandardHelpOptions = true,
        description = "Extend a video with a new segment; the result is the input followed by it.",
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class ExtendCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROMPT", description = "What happens next.")
    String positionalPrompt;

    @Option(names = "--video", paramLabel = "PATH|URL", description = "The MP4 to extend: a local file or a public URL.")
    String input;

    @Option(names = "--from", paramLabel = "JOB_ID", description = "Extend a previous job's result instead, e.g. xai:8b0b1f1e.")
    String from;

    @Option(names = "--duration", paramLabel = "S", description = "Length of the new segment in seconds.")
    String duration;

    @Mixin
    VideoOptionsMixin video;

    @Mixin
    CostOptions cost;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    ExtendCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        VideoRequest request = VideoRequest.extend(video.prompt(positionalPrompt),
                        InputArgument.video(input, from, Backends.chosenApi(common, env).label()))
                .with(options -> VideoOptionsMixin.duration(video.apply(options), duration));
        return new JobRun(common, env).submit(request, video.output(), cost);
    }
}
