package io.imagine4j.oxen;

import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.RequestRule;
import io.imagine4j.core.model.Resolution;

import java.util.ArrayList;
import java.util.List;

/**
 * What Oxen's documented Grok Imagine models accept, built in so requests are checked before any
 * call; every other model (a text-to-video one among them) comes from {@code GET /ai/models}, its
 * limits derived from its {@code request_schema} ({@link SchemaLimits}):
 * <ul>
 *   <li>{@value #EDIT_MODEL}: edit. Oxen resizes the input to 854x480 and keeps its first 8 s, so a
 *       longer input is not refused (a warning is logged and the result says so); no duration or
 *       shape; resolution {@code auto}, 480p or 720p;</li>
 *   <li>{@value #IMAGE_TO_VIDEO_MODEL}: image-to-video, 1–15 s (8 by default), 480p or 720p, the shape
 *       of the image; a prompt is optional.</li>
 * </ul>
 * Both take up to 12 generations per enqueue (the spec's {@code num_generations}) and a seed.
 * Inputs are public URLs or previous results; local files and bytes too when a repository to upload
 * them to is configured. The provider's rules check each model's parameters against its schema.
 */
final class OxenCapabilities {

    static final String PROVIDER = "oxen";
    static final String EDIT_MODEL = "xai-grok-imagine-video-edit-video";
    static final String IMAGE_TO_VIDEO_MODEL = "xai-grok-imagine-video-image-to-video";
    /** The spec's {@code QueueCreateRequest.num_generations} maximum. */
    static final int MAX_GENERATIONS = 12;

    static final MediaType[] IMAGE_TYPES = {MediaType.PNG, MediaType.JPEG, MediaType.WEBP};
    static final MediaType[] VIDEO_TYPES = {MediaType.MP4, MediaType.QUICKTIME};

    private OxenCapabilities() {
    }

    /**
     * The built-in table.
     *
     * @param uploads whether local inputs can be uploaded (a repository is configured)
     * @param push    whether completion events are followed
     * @param rules   the provider's rules (the request schemas, the synchronous generate's)
     */
    static ProviderCapabilities of(boolean uploads, boolean push, List<RequestRule> rules) {
        RequestLimits fromImage = RequestLimits.builder()
                .durationsBetween(1, 15)
                .defaultDuration(8)
                .resolutions(Resolution.P480, Resolution.P720)
                .inputTypes(IMAGE_TYPES)
                .inputSources(sources(uploads))
                .promptRequired(false)
                .maxGenerations(MAX_GENERATIONS)
                .seed(true)
                .build();
        RequestLimits edit = RequestLimits.builder()
                .resolutions(Resolution.AUTO, Resolution.P480, Resolution.P720)
                .inputTypes(VIDEO_TYPES)
                .inputSources(sources(uploads))
                .maxGenerations(MAX_GENERATIONS)
                .seed(true)
                .build();
        List<ProviderFeature> features = new ArrayList<>(List.of(ProviderFeature.CANCEL, ProviderFeature.LIST,
                ProviderFeature.MODEL_DISCOVERY));
        if (push) {
            features.add(ProviderFeature.PUSH_EVENTS);
        }
        ProviderCapabilities.Builder builder = ProviderCapabilities.builder(PROVIDER)
                .model(ModelCapabilities.named(IMAGE_TO_VIDEO_MODEL).kind(RequestKind.IMAGE_TO_VIDEO, fromImage))
                .model(ModelCapabilities.named(EDIT_MODEL).kind(RequestKind.EDIT, edit))
                .defaultModel(IMAGE_TO_VIDEO_MODEL)
                .features(features.toArray(ProviderFeature[]::new));
        rules.forEach(builder::rule);
        return builder.build();
    }

    /** How inputs may be given: local ones only when they can be uploaded. */
    static MediaSource.Kind[] sources(boolean uploads) {
        return uploads
                ? new MediaSource.Kind[] {MediaSource.Kind.URL, MediaSource.Kind.RESULT, MediaSource.Kind.FILE, MediaSource.Kind.BYTES}
                : new MediaSource.Kind[] {MediaSource.Kind.URL, MediaSource.Kind.RESULT};
    }
}
