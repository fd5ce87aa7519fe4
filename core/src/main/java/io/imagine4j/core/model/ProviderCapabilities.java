package io.imagine4j.core.model;

import io.vavr.collection.List;
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
 * each accepts per request kind, the provider's features, the content variants it serves, and its
 * own rules. Adapters build it from a built-in table; {@link #withDiscovered} merges the models a
 * provider answers at run time.
 *
 * <pre>{@code
 * ProviderCapabilities caps = ProviderCapabilities.builder("xai")
 *         .model(grokImagineVideo)          // a ModelCapabilities
 *         .defaultModel("grok-imagine-video")
 *         .features(ProviderFeature.MODEL_DISCOVERY)
 *         .build();
 * }</pre>
 *
 * @param provider     the provider's short name, as in job ids ({@code xai})
 * @param defaultModel the model used when a request names none and it runs the request's kind
 * @param models       the models known, by name
 * @param otherModels  limits for model names not in {@code models}, for gateways that accept any
 *                     name; none when unknown names are refused
 * @param features     what the provider can do beyond submit, poll and download
 * @param aliases      other names of known models (alias to model name)
 * @param variants     the content variants the provider serves ({@code VIDEO} always)
 * @param rules        the provider's own request rules, checked after the limits
 */
public record ProviderCapabilities(
        String provider,
        String defaultModel,
        Map<String, ModelCapabilities> models,
        Option<ModelCapabilities> otherModels,
        Set<ProviderFeature> features,
        Map<String, String> aliases,
        Set<ContentVariant> variants,
        List<RequestRule> rules) {

    public ProviderCapabilities {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(defaultModel, "defaultModel");
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        Objects.requireNonNull(otherModels, "otherModels");
        features = Collections.unmodifiableSet(features.isEmpty()
                ? EnumSet.noneOf(ProviderFeature.class) : EnumSet.copyOf(features));
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
        EnumSet<ContentVariant> served = EnumSet.of(ContentVariant.VIDEO);
        served.addAll(variants);
        variants = Collections.unmodifiableSet(served);
        Objects.requireNonNull(rules, "rules");
        if (!models.containsKey(defaultModel) && otherModels.isEmpty()) {
            throw new IllegalArgumentException("The default model '" + defaultModel + "' is not among the models of " + provider);
        }
    }

    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    /** A builder starting from these capabilities. */
    public Builder toBuilder() {
        Builder builder = new Builder(provider);
        builder.defaultModel = defaultModel;
        builder.models.putAll(models);
        builder.otherModels = otherModels;
        builder.features = features.isEmpty() ? EnumSet.noneOf(ProviderFeature.class) : EnumSet.copyOf(features);
        builder.aliases.putAll(aliases);
        builder.variants = EnumSet.copyOf(variants);
        builder.rules = rules;
        return builder;
    }

    /**
     * The capabilities of {@code name} (a model or an alias), or of {@link #defaultModel()} when no
     * name is given; named as asked.
     */
    public Option<ModelCapabilities> model(Option<String> name) {
        String chosen = name.getOrElse(defaultModel);
        ModelCapabilities known = models.get(aliases.getOrDefault(chosen, chosen));
        if (known != null) {
            return Option.some(known.renamed(chosen));
        }
        return otherModels.map(other -> other.renamed(chosen));
    }

    /**
     * The model a request of {@code kind} runs on when it names none: the default model when it
     * runs that kind, else the first known model that does.
     */
    public Option<String> defaultModelFor(RequestKind kind) {
        if (model(Option.some(defaultModel)).exists(m -> m.limits(kind).isDefined())) {
            return Option.some(defaultModel);
        }
        return Option.ofOptional(models.values().stream()
                .filter(m -> m.limits(kind).isDefined()).map(ModelCapabilities::model).findFirst());
    }

    /** Every name a request may use for a model: ids, then aliases. */
    public java.util.List<String> modelNames() {
        java.util.List<String> names = new java.util.ArrayList<>(models.keySet());
        names.addAll(aliases.keySet());
        return names;
    }

    public boolean supports(ProviderFeature feature) {
        return features.contains(feature);
    }

    public boolean serves(ContentVariant variant) {
        return variants.contains(variant);
    }

    /**
     * These capabilities merged with the models the provider answered at run time. A model both
     * know keeps the built-in rules; a model only the provider knows runs under the limits its
     * adapter derived for it, else under its family's (the known model whose name is the longest
     * prefix of its id: {@code grok-imagine-video-1.5-preview} under {@code grok-imagine-video-1.5}),
     * else under the rules for other models, else under the default model's; restricted to the
     * kinds its declared inputs allow. Aliases are added; known models stay.
     */
    public ProviderCapabilities withDiscovered(java.util.List<ModelInfo> discovered) {
        Builder merged = toBuilder();
        for (ModelInfo info : discovered) {
            ModelCapabilities rules = Option.of(models.get(info.id()))
                    .orElse(info.capabilities())
                    .orElse(() -> family(info.id()))
                    .orElse(otherModels)
                    .getOrElse(() -> models.get(defaultModel));
            if (!info.kinds().isEmpty() && !models.containsKey(info.id())) {
                rules = rules.only(info.kinds());
            }
            merged.models.put(info.id(), rules.renamed(info.id()));
            info.aliases().forEach(alias -> merged.aliases.put(alias, info.id()));
        }
        return merged.build();
    }

    private Option<ModelCapabilities> family(String id) {
        return Option.ofOptional(models.values().stream()
                .filter(known -> id.startsWith(known.model()))
                .max(java.util.Comparator.comparingInt(known -> known.model().length())));
    }

    /** Builds {@link ProviderCapabilities}. */
    public static final class Builder {
        private final String provider;
        private String defaultModel;
        private final Map<String, ModelCapabilities> models = new LinkedHashMap<>();
        private Option<ModelCapabilities> otherModels = Option.none();
        private Set<ProviderFeature> features = EnumSet.noneOf(ProviderFeature.class);
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private Set<ContentVariant> variants = EnumSet.of(ContentVariant.VIDEO);
        private List<RequestRule> rules = List.empty();

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

        /** Another name for a known model. */
        public Builder alias(String alias, String model) {
            aliases.put(alias, model);
            return this;
        }

        /** The content variants served besides the video. */
        public Builder variants(ContentVariant... values) {
            variants = EnumSet.of(ContentVariant.VIDEO);
            variants.addAll(Arrays.asList(values));
            return this;
        }

        /** Adds a provider rule, checked after the limits. */
        public Builder rule(RequestRule rule) {
            rules = rules.append(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        public ProviderCapabilities build() {
            if (defaultModel == null) {
                throw new IllegalStateException("Capabilities of " + provider + " need at least one model");
            }
            return new ProviderCapabilities(provider, defaultModel, models, otherModels, features, aliases, variants, rules);
        }
    }
}
