package io.imagine4j.oxen;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.oxen.wire.ModelBody;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a discovered model accepts, read from what {@code GET /ai/models} says of it:
 * <ul>
 *   <li>its request kinds from {@code capabilities.input}: {@code video} makes it an edit model,
 *       {@code image} an image-to-video one, {@code text} a text-to-video one unless its schema
 *       requires an input image or video (the property names stand in for a missing input list);</li>
 *   <li>its limits from its {@code request_schema}: {@code duration} ({@code enum}, else
 *       {@code minimum}/{@code maximum}, and {@code default}), the {@code aspect_ratio} and
 *       {@code resolution} enums, {@code generate_audio}, the prompt's {@code maxLength} and whether
 *       it is {@code required}.</li>
 * </ul>
 * What the schema says beyond these (types, item counts, other properties) is checked by the
 * schema rule itself before a submit.
 */
final class SchemaLimits {

    private static final int MAX_DURATIONS = 600;

    private SchemaLimits() {
    }

    /** The kinds {@code model} runs; empty when it declares nothing that says. */
    static Set<RequestKind> kinds(ModelBody model) {
        JsonNode schema = model.requestSchema();
        List<String> inputs = new ArrayList<>();
        if (model.capabilities() != null && model.capabilities().input() != null) {
            model.capabilities().input().forEach(input -> inputs.add(input.toLowerCase(Locale.ROOT)));
        } else {
            property(schema, "prompt").forEach(ignored -> inputs.add("text"));
            property(schema, "input_image").forEach(ignored -> inputs.add("image"));
            property(schema, "input_video").forEach(ignored -> inputs.add("video"));
        }
        Set<String> required = required(schema);
        Set<RequestKind> kinds = EnumSet.noneOf(RequestKind.class);
        if (inputs.contains("text") && !required.contains("input_image") && !required.contains("input_video")) {
            kinds.add(RequestKind.TEXT_TO_VIDEO);
        }
        if (inputs.contains("image")) {
            kinds.add(RequestKind.IMAGE_TO_VIDEO);
        }
        if (inputs.contains("video")) {
            kinds.add(RequestKind.EDIT);
        }
        return kinds;
    }

    /** The limits of {@code model} for each of its kinds; none when it declares no kind. */
    static Option<ModelCapabilities> of(ModelBody model, boolean uploads) {
        Set<RequestKind> kinds = kinds(model);
        if (kinds.isEmpty()) {
            return Option.none();
        }
        JsonNode schema = model.requestSchema();
        RequestLimits.Builder common = RequestLimits.builder()
                .aspectRatios(aspectRatios(schema))
                .resolutions(resolutions(schema))
                .audio(property(schema, "generate_audio").isDefined())
                .promptRequired(required(schema).contains("prompt"))
                .maxGenerations(OxenCapabilities.MAX_GENERATIONS)
                .seed(true);
        SortedSet<Integer> durations = durations(schema);
        common.durations(durations.stream().mapToInt(Integer::intValue).toArray());
        property(schema, "duration").flatMap(duration -> Option.of(duration.get("default")))
                .filter(JsonNode::canConvertToInt).forEach(fallback -> common.defaultDuration(fallback.asInt()));
        property(schema, "prompt").flatMap(prompt -> Option.of(prompt.get("maxLength")))
                .filter(JsonNode::canConvertToInt).forEach(max -> common.maxPromptLength(max.asInt()));
        RequestLimits base = common.build();
        ModelCapabilities capabilities = ModelCapabilities.named(model.id());
        for (RequestKind kind : kinds) {
            RequestLimits limits = switch (kind) {
                case IMAGE_TO_VIDEO -> base.toBuilder().inputTypes(OxenCapabilities.IMAGE_TYPES)
                        .inputSources(OxenCapabilities.sources(uploads)).build();
                case EDIT -> base.toBuilder().inputTypes(OxenCapabilities.VIDEO_TYPES)
                        .inputSources(OxenCapabilities.sources(uploads)).build();
                default -> base;
            };
            capabilities = capabilities.kind(kind, limits);
        }
        return Option.some(capabilities);
    }

    private static SortedSet<Integer> durations(JsonNode schema) {
        SortedSet<Integer> seconds = new TreeSet<>();
        Option<JsonNode> duration = property(schema, "duration");
        if (duration.isEmpty()) {
            return seconds;
        }
        JsonNode allowed = duration.get().get("enum");
        if (allowed != null && allowed.isArray()) {
            allowed.forEach(value -> {
                if (value.canConvertToInt() && value.asInt() > 0) {
                    seconds.add(value.asInt());
                }
            });
            return seconds;
        }
        int min = Option.of(duration.get().get("minimum")).filter(JsonNode::canConvertToInt).map(JsonNode::asInt).getOrElse(1);
        Option<Integer> max = Option.of(duration.get().get("maximum")).filter(JsonNode::canConvertToInt).map(JsonNode::asInt);
        if (max.isDefined()) {
            for (int s = Math.max(1, min); s <= max.get() && seconds.size() < MAX_DURATIONS; s++) {
                seconds.add(s);
            }
        }
        return seconds;
    }

    private static AspectRatio[] aspectRatios(JsonNode schema) {
        return strings(schema, "aspect_ratio").stream()
                .flatMap(text -> Try.of(() -> AspectRatio.parse(text)).toJavaStream()) // "auto" is not a ratio
                .toArray(AspectRatio[]::new);
    }

    private static Resolution[] resolutions(JsonNode schema) {
        return strings(schema, "resolution").stream()
                .flatMap(text -> Try.of(() -> Resolution.parse(text)).toJavaStream())
                .toArray(Resolution[]::new);
    }

    private static List<String> strings(JsonNode schema, String name) {
        List<String> values = new ArrayList<>();
        property(schema, name).flatMap(node -> Option.of(node.get("enum"))).filter(JsonNode::isArray)
                .forEach(allowed -> allowed.forEach(value -> {
                    if (value.isTextual()) {
                        values.add(value.asText());
                    }
                }));
        return values;
    }

    static Option<JsonNode> property(JsonNode schema, String name) {
        if (schema == null || !schema.isObject()) {
            return Option.none();
        }
        JsonNode properties = schema.get("properties");
        return properties == null || !properties.isObject() ? Option.none() : Option.of(properties.get(name)).filter(JsonNode::isObject);
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        if (schema != null && schema.isObject() && schema.get("required") != null && schema.get("required").isArray()) {
            schema.get("required").forEach(name -> names.add(name.asText()));
        }
        return names;
    }
}
