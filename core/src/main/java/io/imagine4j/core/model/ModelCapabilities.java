package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one model of a provider can do: the request kinds it runs and, for each, its limits.
 *
 * <pre>{@code
 * ModelCapabilities model = ModelCapabilities.named("grok-imagine-video")
 *         .kind(RequestKind.TEXT_TO_VIDEO, generationLimits)
 *         .kind(RequestKind.EDIT, editLimits);
 * }</pre>
 */
public record ModelCapabilities(String model, Map<RequestKind, RequestLimits> kinds) {

    public ModelCapabilities {
        Objects.requireNonNull(model, "model");
        kinds = kinds.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(kinds));
    }

    /** A model that runs nothing yet; add kinds with {@link #kind}. */
    public static ModelCapabilities named(String model) {
        return new ModelCapabilities(model, Map.of());
    }

    /** This model, also running {@code kind} within {@code limits}. */
    public ModelCapabilities kind(RequestKind kind, RequestLimits limits) {
        Map<RequestKind, RequestLimits> next = new EnumMap<>(RequestKind.class);
        next.putAll(kinds);
        next.put(kind, limits);
        return new ModelCapabilities(model, next);
    }

    /** These limits under another name (an alias, or a discovered model of this family). */
    public ModelCapabilities renamed(String name) {
        return name.equals(model) ? this : new ModelCapabilities(name, kinds);
    }

    /** This model restricted to {@code allowed} kinds. */
    public ModelCapabilities only(Set<RequestKind> allowed) {
        Map<RequestKind, RequestLimits> next = new EnumMap<>(RequestKind.class);
        kinds.forEach((kind, limits) -> {
            if (allowed.contains(kind)) {
                next.put(kind, limits);
            }
        });
        return new ModelCapabilities(model, next);
    }

    public Option<RequestLimits> limits(RequestKind kind) {
        return Option.of(kinds.get(kind));
    }

    public Set<RequestKind> supportedKinds() {
        return kinds.keySet();
    }
}
