package io.imagine4j.testkit.openai;

import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.internal.json.JsonSyntaxException;
import io.imagine4j.testkit.internal.json.JsonValue;
import io.imagine4j.testkit.internal.sim.MultipartForm;
import io.imagine4j.testkit.internal.sim.SimRequest;
import io.vavr.control.Option;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a submit body, whether it came as {@code multipart/form-data} (as every official
 * SDK sends {@code POST /videos}) or as JSON, behind one reading: text fields, file parts, and
 * small objects ({@code {"image_url":…}}, {@code {"id":…}}). In a form an object arrives the way
 * the SDKs flatten it, {@code input_reference[image_url]=…}, or as a text part holding JSON.
 *
 * <pre>{@code
 * SubmittedFields fields = SubmittedFields.of(request);
 * fields.allowOnly(Set.of("prompt", "model"));               // else 400 unknown_parameter
 * String prompt = fields.text("prompt").getOrElseThrow(() -> OpenAiRejection.missing("prompt"));
 * }</pre>
 */
final class SubmittedFields {

    private final Option<MultipartForm> form;
    private final Option<JsonObject> json;

    private SubmittedFields(Option<MultipartForm> form, Option<JsonObject> json) {
        this.form = form;
        this.json = json;
    }

    /**
     * Reads a body by its {@code Content-Type}.
     *
     * @throws OpenAiRejection 400 for a body that is not valid multipart or JSON, or of another type
     */
    static SubmittedFields of(SimRequest request) {
        String contentType = request.header("Content-Type").getOrElse("");
        String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (MultipartForm.isMultipart(contentType)) {
            try {
                return new SubmittedFields(Option.some(MultipartForm.parse(contentType, request.body())), Option.none());
            } catch (IllegalArgumentException malformed) {
                throw OpenAiRejection.badRequest(null, null, "Could not parse the multipart form: " + malformed.getMessage() + ".");
            }
        }
        if (bare.equals("application/json") || (bare.isEmpty() && request.body().length > 0)) {
            JsonValue value;
            try {
                value = JsonReader.parse(request.body());
            } catch (JsonSyntaxException syntax) {
                throw OpenAiRejection.badRequest(null, null, "We could not parse the JSON body of your request ("
                        + syntax.getMessage() + "). The API expects a JSON object, or multipart/form-data.");
            }
            if (!(value instanceof JsonObject object)) {
                throw OpenAiRejection.badRequest(null, "invalid_type", "The request body must be a JSON object, got " + value.kind() + ".");
            }
            return new SubmittedFields(Option.none(), Option.some(object));
        }
        if (bare.isEmpty()) {
            return new SubmittedFields(Option.none(), Option.some(JsonObject.empty()));
        }
        throw OpenAiRejection.badRequest(null, null, "Unsupported content type: '" + bare
                + "'. This endpoint accepts application/json or multipart/form-data.");
    }

    /** Top-level field names in order; {@code input_reference[image_url]} counts as {@code input_reference}. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        form.forEach(parts -> parts.parts().forEach(part -> names.add(topLevel(part.name()))));
        json.forEach(object -> names.addAll(object.members().keySet()));
        return names;
    }

    /** Refuses the first field not in {@code allowed}, as OpenAI refuses unknown parameters. */
    void allowOnly(Set<String> allowed) {
        for (String name : names()) {
            if (!allowed.contains(name)) {
                throw OpenAiRejection.unknownParameter(name);
            }
        }
    }

    /** A text field; JSON {@code null} counts as absent, any other non-string is refused. */
    Option<String> text(String name) {
        if (form.isDefined()) {
            Option<MultipartForm.Part> part = form.get().part(name);
            if (part.exists(MultipartForm.Part::isFile)) {
                throw OpenAiRejection.invalidType(name, "a string", "a file");
            }
            return part.map(MultipartForm.Part::text);
        }
        return json.get().get(name).filter(value -> !(value instanceof JsonNull)).map(value -> {
            if (value instanceof JsonString string) {
                return string.value();
            }
            throw OpenAiRejection.invalidType(name, "a string", described(value));
        });
    }

    /** A file part: a part with a {@code filename}. Never present in a JSON body. */
    Option<MultipartForm.Part> file(String name) {
        return form.flatMap(parts -> parts.part(name)).filter(MultipartForm.Part::isFile);
    }

    /**
     * An object of string members: a JSON object, or in a form {@code name[key]} parts or a text
     * part {@code name} holding a JSON object.
     */
    Option<Map<String, String>> object(String name) {
        if (form.isDefined()) {
            Map<String, String> members = new LinkedHashMap<>();
            form.get().parts().stream()
                    .filter(part -> part.name().startsWith(name + "[") && part.name().endsWith("]") && !part.isFile())
                    .forEach(part -> members.putIfAbsent(part.name().substring(name.length() + 1, part.name().length() - 1), part.text()));
            if (!members.isEmpty()) {
                return Option.some(members);
            }
            Option<MultipartForm.Part> text = form.get().part(name).filter(part -> !part.isFile());
            if (text.isEmpty()) {
                return Option.none();
            }
            JsonValue parsed;
            try {
                parsed = JsonReader.parse(text.get().content());
            } catch (JsonSyntaxException notJson) {
                throw OpenAiRejection.invalidType(name, "an object or a file", "a string");
            }
            return Option.some(members(name, parsed));
        }
        return json.get().get(name).filter(value -> !(value instanceof JsonNull)).map(value -> members(name, value));
    }

    private static Map<String, String> members(String name, JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            throw OpenAiRejection.invalidType(name, "an object", described(value));
        }
        Map<String, String> members = new LinkedHashMap<>();
        object.members().forEach((key, member) -> {
            if (member instanceof JsonNull) {
                return;
            }
            if (!(member instanceof JsonString string)) {
                throw OpenAiRejection.invalidType(name + "." + key, "a string", described(member));
            }
            members.put(key, string.value());
        });
        return members;
    }

    private static String topLevel(String name) {
        int bracket = name.indexOf('[');
        return bracket > 0 ? name.substring(0, bracket) : name;
    }

    /** A JSON value as OpenAI names it in type errors: {@code an integer}, {@code an object}… */
    static String described(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number.intValue().isDefined() ? "an integer" : "a decimal";
        }
        return switch (value.kind()) {
            case "object", "array" -> "an " + value.kind();
            case "null" -> "null";
            default -> "a " + value.kind();
        };
    }
}
