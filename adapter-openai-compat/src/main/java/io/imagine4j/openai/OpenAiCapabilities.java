package io.imagine4j.openai;

import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.vavr.control.Option;

import java.util.Map;

/**
 * The capabilities of one OpenAI-compatible server: its models ({@link OpenAiModels} unless
 * declared otherwise), the provider's features (its job list and delete; no cancel, for the protocol
 * has none: {@code DELETE} removes a finished video, it does not stop a running one), the thumbnail
 * and spritesheet variants of {@code /content}, and its rules: an input image of the video's size,
 * the OpenAI extras used rightly, previous results of this provider only.
 */
final class OpenAiCapabilities {

    static final String PROVIDER = "openai";
    /** OpenAI's dated snapshots, run under the rules of their model. */
    private static final Map<String, String> SNAPSHOTS = Map.of(
            "sora-2-2025-10-06", OpenAiModels.SORA_2,
            "sora-2-2025-12-08", OpenAiModels.SORA_2,
            "sora-2-pro-2025-10-06", OpenAiModels.SORA_2_PRO);

    private OpenAiCapabilities() {
    }

    static ProviderCapabilities of(String provider, Map<String, ModelCapabilities> models, String defaultModel,
            Option<ModelCapabilities> otherModels, BodyEncoding encoding, boolean fitInputImages) {
        ProviderCapabilities.Builder builder = ProviderCapabilities.builder(provider);
        models.values().forEach(model -> builder.model(encoding == BodyEncoding.JSON ? byIdOnly(model) : model));
        otherModels.forEach(other -> builder.otherModels(encoding == BodyEncoding.JSON ? byIdOnly(other) : other));
        SNAPSHOTS.forEach((snapshot, model) -> {
            if (models.containsKey(model) && !models.containsKey(snapshot)) {
                builder.alias(snapshot, model);
            }
        });
        return builder.defaultModel(defaultModel)
                .features(ProviderFeature.LIST, ProviderFeature.DELETE)
                .variants(ContentVariant.THUMBNAIL, ContentVariant.SPRITESHEET)
                .rule(new OpenAiExtrasRule())
                .rule(new ImageSizeRule(fitInputImages))
                .rule(new OwnResultsRule(provider))
                .build();
    }

    /** JSON bodies carry no files: videos to edit or extend go by id only (images inline as {@code data:} URLs). */
    private static ModelCapabilities byIdOnly(ModelCapabilities model) {
        ModelCapabilities changed = model;
        for (RequestKind kind : new RequestKind[] {RequestKind.EDIT, RequestKind.EXTEND}) {
            ModelCapabilities current = changed;
            changed = current.limits(kind).map(limits -> current.kind(kind, onlyResults(limits))).getOrElse(current);
        }
        return changed;
    }

    private static RequestLimits onlyResults(RequestLimits limits) {
        return limits.toBuilder().inputSources(MediaSource.Kind.RESULT).build();
    }
}
