package io.imagine4j.cli;

import io.imagine4j.core.model.VideoRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code imagine4j edit}: change a video as the prompt says; the result keeps its length. */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Edit a video as the prompt says (the result keeps the input's length).",
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class EditCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROMPT", description = "What to change.")
    String positionalPrompt;

    @Option(names = "--video", paramLabel = "PATH|URL", description = "The MP4 to edit: a local file or a public URL.")
    String input;

    @Option(names = "--from", paramLabel = "JOB_ID", description = "Edit a previous job's result instead, e.g. xai:8b0b1f1e.")
    String from;

    @Mixin
    VideoOptionsMixin video;

    @Mixin
    CostOptions cost;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    EditCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        VideoRequest request = VideoRequest.edit(video.prompt(positionalPrompt),
                InputArgument.video(input, from, Backends.chosenApi(common, env).label()));
        return new JobRun(common, env).submit(request.with(video::apply), video.output(), cost);
    }
}
