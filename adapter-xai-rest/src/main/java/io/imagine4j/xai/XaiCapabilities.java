package io.imagine4j.xai;

import io.imagine4j.core.model.AspectRatio;
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
 * What xAI's video models accept, as its API documents them:
 * <ul>
 *   <li>generation: 1–15 s, seven aspect ratios, 480p or 720p ({@code grok-imagine-video-1.5} adds
 *       1080p); image-to-video takes its shape from the image, so no aspect ratio;</li>
 *   <li>edit: an MP4 of at most 8.7 s; no duration, shape or resolution (the result keeps the input's);</li>
 *   <li>extension: a 2–15 s MP4 continued by a 2–10 s segment.</li>
 * </ul>
 * Inputs are public URLs or local content sent inline as {@code data:} URIs, up to the configured
 * inline limits; an edit or extension may start from a previous result ({@code MediaSource.of(video)}),
 * whose length is then checked like a local file's. Beyond these limits, xAI's own rules run in the
 * same check: the extras' shape and place ({@link ExtrasRule}), reference-to-video and keyframes
 * ({@link ReferenceRule}), the extras' images and clips ({@link ExtraMediaRule}), and chained inputs
 * of other providers ({@link ChainedInputRule}). The model list is discovered at run time
 * ({@code GET /video-generation-models}). xAI has no cancel, list, delete or push.
 */
final class XaiCapabilities {

    static final String PROVIDER = "xai";
    static final String GROK_IMAGINE_VIDEO = "grok-imagine-video";
    static final String GROK_IMAGINE_VIDEO_1_5 = "grok-imagine-video-1.5";

    private static final AspectRatio[] RATIOS = {
        AspectRatio.SQUARE, AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16, AspectRatio.LANDSCAPE_4_3,
        AspectRatio.PORTRAIT_3_4, AspectRatio.LANDSCAPE_3_2, AspectRatio.PORTRAIT_2_3};
    private static final MediaSource.Kind[] SOURCES = {MediaSource.Kind.URL, MediaSource.Kind.FILE, MediaSource.Kind.BYTES};
    private static final MediaSource.Kind[] VIDEO_SOURCES = {MediaSource.Kind.URL, MediaSource.Kind.FILE, MediaSource.Kind.BYTES,
        MediaSource.Kind.RESULT};
    /** The largest reference audio clip sent inline: 15 s of CD-quality WAV is about 2.6 MB. */
    static final long MAX_INLINE_AUDIO_BYTES = 10L * 1024 * 1024;
    /** What xAI makes when no duration is asked for: 8 s for a generation, a 6 s segment for an extension. */
    static final int DEFAULT_DURATION = 8;
    static final int DEFAULT_EXTENSION = 6;

    private XaiCapabilities() {
    }

    static ProviderCapabilities of(long maxInlineImageBytes, long maxInlineVideoBytes) {
        return ProviderCapabilities.builder(PROVIDER)
                .model(model(GROK_IMAGINE_VIDEO, maxInlineImageBytes, maxInlineVideoBytes, Resolution.P480, Resolution.P720))
                .model(model(GROK_IMAGINE_VIDEO_1_5, maxInlineImageBytes, maxInlineVideoBytes,
                        Resolution.P480, Resolution.P720, Resolution.P1080))
                .defaultModel(GROK_IMAGINE_VIDEO)
                .features(ProviderFeature.MODEL_DISCOVERY)
                .rule(new ExtrasRule())
                .rule(new ReferenceRule())
                .rule(new ExtraMediaRule(maxInlineImageBytes, MAX_INLINE_AUDIO_BYTES))
                .rule(new ChainedInputRule())
                .build();
    }

    private static ModelCapabilities model(String name, long imageBytes, long videoBytes, Resolution... resolutions) {
        RequestLimits generation = RequestLimits.builder()
                .durationsBetween(1, 15)
                .defaultDuration(DEFAULT_DURATION)
                .aspectRatios(RATIOS)
                .resolutions(resolutions)
                .build();
        RequestLimits fromImage = generation.toBuilder()
                .aspectRatios()
                .promptRequired(false) // the model may animate the image alone
                .inputTypes(MediaType.PNG, MediaType.JPEG, MediaType.WEBP)
                .inputSources(SOURCES)
                .maxInputBytes(imageBytes)
                .build();
        RequestLimits edit = RequestLimits.builder()
                .inputTypes(MediaType.MP4)
                .inputSources(VIDEO_SOURCES)
                .inputDuration(DurationRange.upTo(Duration.ofMillis(8_700)))
                .maxInputBytes(videoBytes)
                .build();
        RequestLimits extension = edit.toBuilder()
                .durationsBetween(2, 10)
                .defaultDuration(DEFAULT_EXTENSION)
                .inputDuration(DurationRange.between(Duration.ofSeconds(2), Duration.ofSeconds(15)))
                .build();
        return ModelCapabilities.named(name)
                .kind(RequestKind.TEXT_TO_VIDEO, generation)
                .kind(RequestKind.IMAGE_TO_VIDEO, fromImage)
                .kind(RequestKind.EDIT, edit)
                .kind(RequestKind.EXTEND, extension);
    }
}
