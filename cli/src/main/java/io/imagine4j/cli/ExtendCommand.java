package io.imagine4j.cli;

import io.imagine4j.core.model.VideoRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code imagine4j extend}: continue a video with a new segment. */
@Command(name = "extend", description = "Extend a video with a new segment; the result is the input followed by it.")
final class ExtendCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROMPT", description = "What happens next.")
    String positionalPrompt;

    @Option(names = "--video", required = true, paramLabel = "PATH|URL", description = "The MP4 to extend: a local file or a public URL.")
    String input;

    @Option(names = "--duration", paramLabel = "S", description = "Length of the new segment in seconds.")
    String duration;

    @Mixin
    VideoOptionsMixin video;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    ExtendCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        VideoRequest request = VideoRequest.extend(video.prompt(positionalPrompt), MediaArgument.parse(input, "--video"))
                .with(options -> VideoOptionsMixin.duration(video.apply(options), duration));
        return new JobRun(common, env).submit(request, video.output());
    }
}
