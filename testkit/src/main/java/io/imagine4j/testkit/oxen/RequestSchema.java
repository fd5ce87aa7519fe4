package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonBoolean;
import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.internal.json.JsonValue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a generation's parameters against its model's {@code request_schema}, the plain subset
 * of JSON Schema Oxen publishes: {@code properties} with {@code type}, {@code enum},
 * {@code minimum}/{@code maximum}, {@code minLength}, {@code format: uri}, {@code items},
 * {@code minItems}/{@code maxItems}; {@code required}; and {@code anyOf} of {@code required}
 * lists. Properties the schema does not name are passed over, as the service passes them through.
 *
 * <pre>{@code
 * List<String> problems = new RequestSchema(model.requestSchema()).violations(params);
 * // ["resolution must be one of auto, 480p, 720p; got \"1080p\""]
 * }</pre>
 */
final class RequestSchema {

    private final JsonObject schema;

    RequestSchema(JsonObject schema) {
        this.schema = schema;
    }

    /** Every way {@code params} breaks the schema, in the schema's order; empty when they fit. */
    List<String> violations(JsonObject params) {
        List<String> problems = new ArrayList<>();
        strings(schema, "required").forEach(name -> {
            if (absent(params, name)) {
                problems.add(name + " is required");
            }
        });
        schema.get("anyOf").filter(JsonArray.class::isInstance).map(JsonArray.class::cast).forEach(options -> {
            List<List<String>> alternatives = options.elements().stream()
                    .filter(JsonObject.class::isInstance).map(option -> strings((JsonObject) option, "required")).toList();
            boolean satisfied = alternatives.stream().anyMatch(names -> names.stream().noneMatch(name -> absent(params, name)));
            if (!satisfied) {
                problems.add("one of " + alternatives.stream().map(names -> String.join(" and ", names))
                        .collect(Collectors.joining(" or ")) + " is required");
            }
        });
        schema.object("properties").forEach(properties -> {
            for (Map.Entry<String, JsonValue> property : properties.members().entrySet()) {
                JsonValue value = params.get(property.getKey()).getOrNull();
                if (value != null && !(value instanceof JsonNull) && property.getValue() instanceof JsonObject rules) {
                    check(property.getKey(), value, rules, problems);
                }
            }
        });
        return problems;
    }

    private static void check(String name, JsonValue value, JsonObject rules, List<String> problems) {
        String type = rules.string("type").getOrElse("");
        if (!type.isEmpty() && !hasType(value, type)) {
            problems.add(name + " must be " + article(type) + "; got " + describe(value));
            return;
        }
        rules.get("enum").filter(JsonArray.class::isInstance).map(JsonArray.class::cast).forEach(allowed -> {
            if (allowed.elements().stream().noneMatch(option -> same(option, value))) {
                problems.add(name + " must be one of " + allowed.elements().stream().map(RequestSchema::plain)
                        .collect(Collectors.joining(", ")) + "; got " + describe(value));
            }
        });
        if (value instanceof JsonNumber number) {
            rules.number("minimum").filter(minimum -> number.value().compareTo(minimum) < 0)
                    .forEach(minimum -> problems.add(name + " must be at least " + minimum.toPlainString() + "; got " + describe(value)));
            rules.number("maximum").filter(maximum -> number.value().compareTo(maximum) > 0)
                    .forEach(maximum -> problems.add(name + " must be at most " + maximum.toPlainString() + "; got " + describe(value)));
        }
        if (value instanceof JsonString text) {
            rules.number("minLength").filter(minimum -> BigDecimal.valueOf(text.value().strip().length()).compareTo(minimum) < 0)
                    .forEach(minimum -> problems.add(minimum.intValue() <= 1 ? name + " must not be empty"
                            : name + " must be at least " + minimum.toPlainString() + " characters long"));
            if (rules.string("format").contains("uri") && !isUrl(text.value())) {
                problems.add(name + " must be a URL; got " + describe(value));
            }
        }
        if (value instanceof JsonArray array) {
            int size = array.elements().size();
            rules.number("minItems").filter(minimum -> BigDecimal.valueOf(size).compareTo(minimum) < 0)
                    .forEach(minimum -> problems.add(name + " needs at least " + minimum.toPlainString() + " item(s); got " + size));
            rules.number("maxItems").filter(maximum -> BigDecimal.valueOf(size).compareTo(maximum) > 0)
                    .forEach(maximum -> problems.add(name + " takes at most " + maximum.toPlainString() + " items; got " + size));
            rules.object("items").forEach(items -> {
                for (int i = 0; i < size; i++) {
                    check(name + "[" + i + "]", array.elements().get(i), items, problems);
                }
            });
        }
    }

    private static boolean absent(JsonObject params, String name) {
        return params.get(name).forAll(value -> value instanceof JsonNull);
    }

    private static boolean hasType(JsonValue value, String type) {
        return switch (type) {
            case "string" -> value instanceof JsonString;
            case "integer" -> value instanceof JsonNumber number && number.intValue().isDefined();
            case "number" -> value instanceof JsonNumber;
            case "boolean" -> value instanceof JsonBoolean;
            case "array" -> value instanceof JsonArray;
            case "object" -> value instanceof JsonObject;
            default -> true;
        };
    }

    /** JSON equality, numbers by value ({@code 5} is {@code 5.0}). */
    private static boolean same(JsonValue a, JsonValue b) {
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return x.value().compareTo(y.value()) == 0;
        }
        return a.equals(b);
    }

    /** Absolute http(s) URLs and data URIs: what a model can fetch. */
    private static boolean isUrl(String text) {
        if (text.regionMatches(true, 0, "data:", 0, 5)) {
            return text.indexOf(',') > 5;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException notAUrl) {
            return false;
        }
    }

    private static List<String> strings(JsonObject object, String member) {
        return object.get(member).filter(JsonArray.class::isInstance)
                .map(array -> ((JsonArray) array).elements().stream().filter(JsonString.class::isInstance)
                        .map(element -> ((JsonString) element).value()).toList())
                .getOrElse(List.of());
    }

    private static String article(String type) {
        return (type.equals("integer") || type.equals("array") || type.equals("object") ? "an " : "a ") + type;
    }

    private static String describe(JsonValue value) {
        String json = value.toJson();
        return json.length() > 60 ? value.kind() : json;
    }

    private static String plain(JsonValue value) {
        return value instanceof JsonString text ? text.value() : value.toJson();
    }
}
