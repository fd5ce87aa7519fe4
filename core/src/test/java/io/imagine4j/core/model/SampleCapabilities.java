package io.imagine4j.core.model;

import java.time.Duration;

/**
 * Capabilities shaped like xAI's, for tests of the core alone; its main model also makes up to
 * three videos per submit, takes a seed, and takes previous results as edit and extension inputs.
 */
public final class SampleCapabilities {

    private SampleCapabilities() {
    }

    public static ProviderCapabilities xaiLike() {
        RequestLimits generation = RequestLimits.builder()
                .durationsBetween(1, 15)
                .aspectRatios(AspectRatio.SQUARE, AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16)
                .resolutions(Resolution.P480, Resolution.P720)
                .maxPromptLength(4_096)
                .defaultDuration(8)
                .build();
        RequestLimits generations = generation.toBuilder().maxGenerations(3).seed(true).build();
        RequestLimits image = generation.toBuilder()
                .inputTypes(MediaType.PNG, MediaType.JPEG, MediaType.WEBP)
                .inputSources(MediaSource.Kind.URL, MediaSource.Kind.FILE, MediaSource.Kind.BYTES)
                .maxInputBytes(10_000_000)
                .build();
        RequestLimits edit = RequestLimits.builder()
                .inputTypes(MediaType.MP4)
                .inputSources(MediaSource.Kind.URL, MediaSource.Kind.FILE, MediaSource.Kind.BYTES, MediaSource.Kind.RESULT)
                .inputDuration(DurationRange.upTo(Duration.ofMillis(8_700)))
                .build();
        RequestLimits extend = edit.toBuilder()
                .durationsBetween(2, 10)
                .defaultDuration(6)
                .inputDuration(DurationRange.between(Duration.ofSeconds(2), Duration.ofSeconds(15)))
                .build();
        ModelCapabilities base = ModelCapabilities.named("video-1")
                .kind(RequestKind.TEXT_TO_VIDEO, generations)
                .kind(RequestKind.IMAGE_TO_VIDEO, image)
                .kind(RequestKind.EDIT, edit)
                .kind(RequestKind.EXTEND, extend);
        ModelCapabilities textOnly = ModelCapabilities.named("video-text")
                .kind(RequestKind.TEXT_TO_VIDEO, generation.toBuilder().resolutions(Resolution.P720, Resolution.P1080).audio(true).build());
        return ProviderCapabilities.builder("sample").model(base).model(textOnly).build();
    }
}
