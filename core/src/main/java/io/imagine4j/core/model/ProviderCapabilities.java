package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a request is checked against before anything is sent: the provider's models, what
 * each accepts per request kind, and the provider's features.
 *
 * <pre>{@code
 * ProviderCapabilities caps = ProviderCapabilities.builder("xai")
 *         .model(grokImagineVideo)          // a ModelCapabilities
 *         .defaultModel("grok-imagine-video")
 *         .features(ProviderFeature.LIST)
 *         .build();
 * }</pre>
 *
 * @param provider     the provider's short name, as in job ids ({@code xai})
 * @param defaultModel the model used when a request names none
 * @param models       the models known, by name
 * @param otherModels  limits for model names not in {@code models}, for gateways that accept any
 *                     name; none when unknown names are refused
 * @param features     what the provider can do beyond submit, poll and download
 */
public record ProviderCapabilities(
        String provider,
        String defaultModel,
        Map<String, ModelCapabilities> models,
        Option<ModelCapabilities> otherModels,
        Set<ProviderFeature> features) {

    public ProviderCapabilities {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(defaultModel, "defaultModel");
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        Objects.requireNonNull(otherModels, "otherModels");
        features = Collections.unmodifiableSet(features.isEmpty()
                ? EnumSet.noneOf(ProviderFeature.class) : EnumSet.copyOf(features));
        if (!models.containsKey(defaultModel) && otherModels.isEmpty()) {
            throw new IllegalArgumentException("The default model '" + defaultModel + "' is not among the models of " + provider);
        }
    }

    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    /** The capabilities of {@code name}, or of {@link #defaultModel()} when no name is given. */
    public Option<ModelCapabilities> model(Option<String> name) {
        String chosen = name.getOrElse(defaultModel);
        ModelCapabilities known = models.get(chosen);
        if (known != null) {
            return Option.some(known);
        }
        return otherModels.map(other -> new ModelCapabilities(chosen, other.kinds()));
    }

    public boolean supports(ProviderFeature feature) {
        return features.contains(feature);
    }

    /** Builds {@link ProviderCapabilities}. */
    public static final class Builder {
        private final String provider;
        private String defaultModel;
        private final Map<String, ModelCapabilities> models = new LinkedHashMap<>();
        private Option<ModelCapabilities> otherModels = Option.none();
        private Set<ProviderFeature> features = EnumSet.noneOf(ProviderFeature.class);

        private Builder(String provider) {
            this.provider = provider;
        }

        /** Adds a model; the first one added is the default unless {@link #defaultModel} says otherwise. */
        public Builder model(ModelCapabilities model) {
            models.put(model.model(), model);
            if (defaultModel == null) {
                defaultModel = model.model();
            }
            return this;
        }

        public Builder defaultModel(String name) {
            defaultModel = name;
            return this;
        }

        /** Accepts model names beyond the known ones, each with these limits. */
        public Builder otherModels(ModelCapabilities limits) {
            otherModels = Option.some(limits);
            return this;
        }

        public Builder features(ProviderFeature... values) {
            features = values.length == 0 ? EnumSet.noneOf(ProviderFeature.class) : EnumSet.copyOf(Arrays.asList(values));
            return this;
        }

        public ProviderCapabilities build() {
            if (defaultModel == null) {
                throw new IllegalStateException("Capabilities of " + provider + " need at least one model");
            }
            return new ProviderCapabilities(provider, defaultModel, models, otherModels, features);
        }
    }
}
