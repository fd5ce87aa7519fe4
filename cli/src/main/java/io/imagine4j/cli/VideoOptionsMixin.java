package io.imagine4j.cli;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of the request itself, shared by generate, edit and extend. */
final class VideoOptionsMixin {

    @Option(names = "--prompt", paramLabel = "TEXT", description = "The prompt (instead of the PROMPT argument).")
    String prompt;

    @Option(names = "--model", paramLabel = "M", description = "The provider's model, e.g. grok-imagine-video-1.5.")
    String model;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to save the video (default: <job id>.mp4 in the current directory).")
    Path output;

    @Option(names = "--user", paramLabel = "TAG", description = "An opaque end-user tag, for the provider's abuse monitoring.")
    String endUser;

    String prompt(String positional) {
        if (positional != null && prompt != null) {
            throw new UsageException("give the prompt once: as the PROMPT argument or with --prompt, not both");
        }
        String text = positional != null ? positional : prompt;
        return text == null ? "" : text;
    }

    VideoOptions apply(VideoOptions options) {
        VideoOptions result = options;
        if (model != null) {
            result = result.withModel(model);
        }
        if (endUser != null) {
            result = result.withEndUser(endUser);
        }
        return result;
    }

    io.vavr.control.Option<Path> output() {
        return io.vavr.control.Option.of(output);
    }

    static VideoOptions duration(VideoOptions options, String seconds) {
        return seconds == null ? options : options.withDuration(DurationArgument.parse(seconds, "--duration"));
    }

    static VideoOptions aspectRatio(VideoOptions options, String ratio) {
        if (ratio == null) {
            return options;
        }
        try {
            return options.withAspectRatio(AspectRatio.parse(ratio));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--aspect-ratio: " + e.getMessage());
        }
    }

    static VideoOptions resolution(VideoOptions options, String name) {
        if (name == null) {
            return options;
        }
        try {
            return options.withResolution(Resolution.parse(name));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--resolution: " + e.getMessage());
        }
    }
}
