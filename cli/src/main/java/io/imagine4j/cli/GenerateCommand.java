package io.imagine4j.cli;

import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code imagine4j generate}: text-to-video, or image-to-video with {@code --image}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a video from a prompt, or from an image and a prompt.",
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class GenerateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROMPT", description = "What the video shows.")
    String positionalPrompt;

    @Option(names = "--image", paramLabel = "PATH|URL", description = "The first frame: a local image or a public URL.")
    String image;

    @Option(names = "--duration", paramLabel = "S", description = "Length in seconds.")
    String duration;

    @Option(names = "--aspect-ratio", paramLabel = "R", description = "Frame shape, e.g. 16:9, 9:16, 1:1.")
    String aspectRatio;

    @Option(names = "--resolution", paramLabel = "R", description = "e.g. 480p, 720p, 1080p.")
    String resolution;

    @Mixin
    VideoOptionsMixin video;

    @Mixin
    CostOptions cost;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    GenerateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        String prompt = video.prompt(positionalPrompt);
        VideoRequest request = image == null ? VideoRequest.textToVideo(prompt)
                : VideoRequest.imageToVideo(prompt, MediaArgument.parse(image, "--image"));
        VideoOptions options = video.apply(request.options());
        options = VideoOptionsMixin.duration(options, duration);
        options = VideoOptionsMixin.aspectRatio(options, aspectRatio);
        options = VideoOptionsMixin.resolution(options, resolution);
        return new JobRun(common, env).submit(request.withOptions(options), video.output(), cost);
    }
}
