package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A model as a provider describes it at run time (xAI's {@code /video-generation-models}, Oxen's
 * {@code /ai/models}), or as the built-in table knows it: its id, other names for it, the request
 * kinds its declared inputs allow, and, where the adapter could derive them, its limits.
 *
 * <pre>{@code
 * jobs.models().forEach(models -> models.forEach(m -> System.out.println(m.id() + " " + m.kinds())));
 * }</pre>
 *
 * @param id           the model's id, as requests name it
 * @param aliases      other names the provider accepts for it
 * @param kinds        the request kinds it runs, from its declared inputs; empty when not declared
 * @param capabilities its limits, where known (from the built-in table or derived by the adapter)
 * @param details      what else the provider says, for people (description, pricing text)
 */
public record ModelInfo(String id, List<String> aliases, Set<RequestKind> kinds, Option<ModelCapabilities> capabilities,
                        Map<String, String> details) {

    public ModelInfo {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        kinds = Collections.unmodifiableSet(kinds.isEmpty() ? EnumSet.noneOf(RequestKind.class) : EnumSet.copyOf(kinds));
        Objects.requireNonNull(capabilities, "capabilities");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A model known by its id alone. */
    public static ModelInfo named(String id) {
        return new ModelInfo(id, List.of(), Set.of(), Option.none(), Map.of());
    }

    public ModelInfo withAliases(List<String> names) {
        return new ModelInfo(id, names, kinds, capabilities, details);
    }

    public ModelInfo withKinds(Set<RequestKind> values) {
        return new ModelInfo(id, aliases, values, capabilities, details);
    }

    public ModelInfo withCapabilities(ModelCapabilities limits) {
        return new ModelInfo(id, aliases, kinds, Option.some(limits), details);
    }

    public ModelInfo withDetail(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(details);
        next.put(name, value);
        return new ModelInfo(id, aliases, kinds, capabilities, next);
    }

    /** Whether {@code name} is this model's id or one of its aliases. */
    public boolean answersTo(String name) {
        return id.equals(name) || aliases.contains(name);
    }
}
