package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.internal.json.JsonSyntaxException;
import io.imagine4j.testkit.internal.json.JsonValue;
import io.imagine4j.testkit.internal.sim.RejectedCall;
import io.imagine4j.testkit.internal.sim.SimRequest;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads generation requests the way Oxen does. At enqueue only the request itself is checked: a
 * JSON object, a known model, {@code num_generations} 1–12 (the spec's bounds), the target fields. Everything else is
 * passed through to the model and checked against its {@code request_schema} when the generation
 * runs, so a bad duration or resolution is accepted now and fails later with an
 * {@code error_message} (the quirk adapters must expect).
 */
final class OxenRequests {

    /** The spec's {@code QueueCreateRequest.num_generations} maximum (Oxen's prose docs say 4; the spec wins on fields). */
    static final int MAX_GENERATIONS = 12;
    /** The length assumed for an input video at a URL the simulator cannot read. */
    static final Duration ASSUMED_INPUT_LENGTH = Duration.ofSeconds(5);
    /** Request fields Oxen keeps for itself; every other one goes to the model. */
    static final Set<String> NOT_PASSED_THROUGH = Set.of("model", "num_generations", "response_format", "target_namespace",
            "target_repo", "target_directory");
    static final List<String> RESPONSE_FORMATS = List.of("url", "b64_json");

    private final InputVideos inputs;

    OxenRequests(InputVideos inputs) {
        this.inputs = inputs;
    }

    /**
     * The JSON object of a request body.
     *
     * @throws RejectedCall 415 for another content type, 400 for a body that is not a JSON object
     */
    static JsonObject body(SimRequest request) {
        String contentType = request.header("Content-Type").getOrElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw new RejectedCall(415, "Expected a JSON body with Content-Type: application/json.", Option.none());
        }
        JsonValue value;
        try {
            value = JsonReader.parse(request.body());
        } catch (JsonSyntaxException syntax) {
            throw RejectedCall.badRequest("The request body is not valid JSON: " + syntax.getMessage());
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw RejectedCall.badRequest("The request body must be a JSON object, got " + value.kind() + ".");
    }

    static Either<String, String> modelName(JsonObject body) {
        Option<JsonValue> model = present(body, "model");
        if (model.isEmpty()) {
            return Either.left("model is required");
        }
        return model.get() instanceof JsonString name ? Either.right(name.value()) : Either.left("model must be a string");
    }

    static Either<String, Integer> generations(JsonObject body) {
        Option<JsonValue> value = present(body, "num_generations");
        if (value.isEmpty()) {
            return Either.right(1);
        }
        Option<Integer> count = value.filter(JsonNumber.class::isInstance).flatMap(number -> ((JsonNumber) number).intValue());
        if (count.exists(n -> n >= 1 && n <= MAX_GENERATIONS)) {
            return Either.right(count.get());
        }
        return Either.left("num_generations must be an integer from 1 to " + MAX_GENERATIONS + ", got " + value.get().toJson());
    }

    static Either<String, OxenTarget> target(JsonObject body, OxenUser user) {
        List<String> problems = new ArrayList<>();
        Option<String> namespace = optionalString(body, "target_namespace", problems);
        Option<String> repo = optionalString(body, "target_repo", problems);
        Option<String> directory = optionalString(body, "target_directory", problems);
        if (!problems.isEmpty()) {
            return Either.left(String.join("; ", problems));
        }
        return Either.right(new OxenTarget(namespace.getOrElse(user.namespace()), repo, directory));
    }

    /** {@code url} (the default) or {@code b64_json}. */
    static Either<String, String> responseFormat(JsonObject body) {
        Option<JsonValue> value = present(body, "response_format");
        if (value.isEmpty()) {
            return Either.right("url");
        }
        if (value.get() instanceof JsonString format && RESPONSE_FORMATS.contains(format.value())) {
            return Either.right(format.value());
        }
        return Either.left("response_format must be one of " + String.join(", ", RESPONSE_FORMATS) + ", got " + value.get().toJson());
    }

    /** What the simulator makes of an accepted request: the run-time verdict on its parameters included. */
    OxenJob job(OxenJob.Mode mode, OxenModel model, JsonObject body, OxenUser user, OxenTarget target) {
        Map<String, JsonValue> passed = new LinkedHashMap<>();
        body.members().forEach((name, value) -> {
            if (!NOT_PASSED_THROUGH.contains(name)) {
                passed.put(name, value);
            }
        });
        JsonObject params = new JsonObject(passed);
        List<String> problems = new RequestSchema(model.requestSchema()).violations(params);
        Option<String> error = problems.isEmpty() ? Option.none()
                : Option.some("Invalid parameters for model " + model.id() + ": " + String.join("; ", problems) + ".");
        Duration length = duration(model, params);
        if (error.isEmpty() && model.editsVideo()) {
            Either<String, Duration> input = inputs.lengthOf(params.string("input_video").get());
            error = input.swap().toOption();
            Duration cut = model.inputTruncatedTo().get();
            // Oxen truncates a longer input instead of refusing it: the result is as long as what was edited.
            length = input.map(seconds -> seconds.compareTo(cut) > 0 ? cut : seconds).getOrElse(ASSUMED_INPUT_LENGTH);
        }
        return new OxenJob(mode, model, prompt(params), params.toJson(), length, user, target, false, error);
    }

    /** The prompt, or the prompts of {@code multi_prompt}: where directives are read. */
    private static String prompt(JsonObject params) {
        List<String> texts = new ArrayList<>();
        params.string("prompt").forEach(texts::add);
        params.get("multi_prompt").filter(JsonArray.class::isInstance).forEach(array -> ((JsonArray) array).elements().stream()
                .filter(JsonString.class::isInstance).forEach(text -> texts.add(((JsonString) text).value())));
        return texts.stream().collect(Collectors.joining(" "));
    }

    /** The requested duration when it is a whole number, else the schema's default, else 5 s. */
    private static Duration duration(OxenModel model, JsonObject params) {
        Option<Integer> requested = present(params, "duration").filter(JsonNumber.class::isInstance)
                .flatMap(number -> ((JsonNumber) number).intValue()).filter(seconds -> seconds > 0);
        Option<Integer> fallback = model.defaultOf("duration").filter(JsonNumber.class::isInstance)
                .flatMap(number -> ((JsonNumber) number).intValue());
        return requested.orElse(fallback).map(Duration::ofSeconds).getOrElse(ASSUMED_INPUT_LENGTH);
    }

    private static Option<JsonValue> present(JsonObject body, String field) {
        return body.get(field).filter(value -> !(value instanceof JsonNull));
    }

    private static Option<String> optionalString(JsonObject body, String field, List<String> problems) {
        Option<JsonValue> value = present(body, field);
        if (value.isDefined() && !(value.get() instanceof JsonString)) {
            problems.add(field + " must be a string");
            return Option.none();
        }
        return value.map(text -> ((JsonString) text).value());
    }
}
