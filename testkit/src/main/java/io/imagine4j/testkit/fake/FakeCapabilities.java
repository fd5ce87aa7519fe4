package io.imagine4j.testkit.fake;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.DurationRange;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.Resolution;

import java.time.Duration;

/**
 * What {@link FakeVideoProvider} accepts unless told otherwise: two models shaped like the real
 * ones, so application tests meet realistic limits. {@value #MODEL} runs every request kind, takes
 * previous results as inputs, makes up to {@value #MAX_GENERATIONS} videos per submit and takes a
 * seed; {@value #HD_MODEL} runs text- and image-to-video, also at 1080p. Thumbnails and spritesheets
 * are served beside every video.
 *
 * <table>
 *   <caption>Standard limits per request kind</caption>
 *   <tr><th>kind</th><th>durations</th><th>aspect ratios</th><th>resolutions</th><th>input</th></tr>
 *   <tr><td>text-to-video</td><td>1–15 s</td><td>all seven</td><td>480p, 720p</td><td>–</td></tr>
 *   <tr><td>image-to-video</td><td>1–15 s</td><td>all seven</td><td>480p, 720p</td><td>PNG, JPEG or WebP; URL, file or bytes; ≤ 10 MB</td></tr>
 *   <tr><td>edit</td><td>none (keeps the input's)</td><td>none</td><td>none</td><td>MP4 ≤ 8.7 s; URL, file or bytes</td></tr>
 *   <tr><td>extend</td><td>2–10 s (the new segment)</td><td>none</td><td>none</td><td>MP4 of 2–15 s; URL, file or bytes</td></tr>
 *   <tr><td>remix</td><td>none (keeps the source's)</td><td>none</td><td>none</td><td>a previous result of the fake</td></tr>
 * </table>
 * Every input may also be a previous result ({@code MediaSource.of(video)}); text- and
 * image-to-video make 1–{@value #MAX_GENERATIONS} videos per submit and take a seed.
 *
 * <pre>{@code
 * ProviderCapabilities caps = FakeCapabilities.standard("fake", ProviderFeature.CANCEL, ProviderFeature.PUSH_EVENTS);
 * ProviderCapabilities textOnly = ProviderCapabilities.builder("fake")
 *         .model(ModelCapabilities.named("tiny").kind(RequestKind.TEXT_TO_VIDEO, FakeCapabilities.limits(RequestKind.TEXT_TO_VIDEO)))
 *         .build();
 * }</pre>
 */
public final class FakeCapabilities {

    /** The provider name of a fake built without capabilities. */
    public static final String PROVIDER = "fake";
    /** The default model: all four request kinds. */
    public static final String MODEL = "fake-video";
    /** A second model: text- and image-to-video only, up to 1080p. */
    public static final String HD_MODEL = "fake-video-hd";
    /** How many videos one submit to {@value #MODEL} may ask for. */
    public static final int MAX_GENERATIONS = 4;

    private static final AspectRatio[] ALL_RATIOS = {
            AspectRatio.SQUARE, AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16, AspectRatio.LANDSCAPE_4_3,
            AspectRatio.PORTRAIT_3_4, AspectRatio.LANDSCAPE_3_2, AspectRatio.PORTRAIT_2_3};
    private static final MediaSource.Kind[] ALL_SOURCES = MediaSource.Kind.values();

    private FakeCapabilities() {
    }

    /** The standard models under {@code provider}, with {@code features}. */
    public static ProviderCapabilities standard(String provider, ProviderFeature... features) {
        ModelCapabilities model = ModelCapabilities.named(MODEL);
        for (RequestKind kind : RequestKind.values()) {
            model = model.kind(kind, limits(kind));
        }
        RequestLimits hd = limits(RequestKind.TEXT_TO_VIDEO).toBuilder()
                .resolutions(Resolution.P480, Resolution.P720, Resolution.P1080).build();
        RequestLimits hdImage = limits(RequestKind.IMAGE_TO_VIDEO).toBuilder()
                .resolutions(Resolution.P480, Resolution.P720, Resolution.P1080).build();
        ModelCapabilities hdModel = ModelCapabilities.named(HD_MODEL)
                .kind(RequestKind.TEXT_TO_VIDEO, hd)
                .kind(RequestKind.IMAGE_TO_VIDEO, hdImage);
        return ProviderCapabilities.builder(provider).model(model).model(hdModel).defaultModel(MODEL)
                .features(features).variants(ContentVariant.THUMBNAIL, ContentVariant.SPRITESHEET).build();
    }

    /** The standard limits of {@value #MODEL} for {@code kind}. */
    public static RequestLimits limits(RequestKind kind) {
        switch (kind) {
            case TEXT_TO_VIDEO:
                return RequestLimits.builder().durationsBetween(1, 15).aspectRatios(ALL_RATIOS)
                        .resolutions(Resolution.P480, Resolution.P720).audio(true).maxPromptLength(4096)
                        .defaultDuration(5).maxGenerations(MAX_GENERATIONS).seed(true).build();
            case IMAGE_TO_VIDEO:
                return RequestLimits.builder().durationsBetween(1, 15).aspectRatios(ALL_RATIOS)
                        .resolutions(Resolution.P480, Resolution.P720).audio(true).maxPromptLength(4096)
                        .defaultDuration(5).maxGenerations(MAX_GENERATIONS).seed(true)
                        .inputTypes(MediaType.PNG, MediaType.JPEG, MediaType.WEBP).inputSources(ALL_SOURCES)
                        .maxInputBytes(10L * 1024 * 1024).build();
            case EDIT:
                return RequestLimits.builder().maxPromptLength(4096).inputTypes(MediaType.MP4).inputSources(ALL_SOURCES)
                        .inputDuration(DurationRange.upTo(Duration.ofMillis(8_700))).build();
            case EXTEND:
                return RequestLimits.builder().durationsBetween(2, 10).defaultDuration(5).maxPromptLength(4096).inputTypes(MediaType.MP4)
                        .inputSources(ALL_SOURCES)
                        .inputDuration(DurationRange.between(Duration.ofSeconds(2), Duration.ofSeconds(15))).build();
            case REMIX:
                return RequestLimits.builder().maxPromptLength(4096).inputTypes(MediaType.MP4)
                        .inputSources(MediaSource.Kind.RESULT).build();
            default:
                throw new IllegalArgumentException("unknown request kind " + kind);
        }
    }

    /** {@code capabilities} with exactly {@code features}. */
    public static ProviderCapabilities withFeatures(ProviderCapabilities capabilities, ProviderFeature... features) {
        return capabilities.toBuilder().features(features).build();
    }
}
