package io.imagine4j.oxen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.RequestRule;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.http.json.ApiJson;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Checks a request's model parameters against the model's {@code request_schema} with a JSON
 * Schema validator, before anything is uploaded or sent: Oxen itself accepts such a request and
 * fails the generation minutes later. Every violation is reported, beside the core's own; a field
 * the core already refused (a duration outside the model's limits) is not reported twice. Local
 * inputs are checked as the URL they will have once uploaded. A model whose schema cannot be had is
 * not checked here (Oxen still is).
 */
final class RequestSchemaRule implements RequestRule {

    private static final Logger LOG = LoggerFactory.getLogger(RequestSchemaRule.class);
    /** What a local input stands for in the check: a URL, as it will be once uploaded. */
    private static final String PLACEHOLDER = "https://uploads.imagine4j.invalid/";
    private static final int VALUE_CHARS = 60;
    private static final Map<String, String> FIELDS = Map.of("duration", "duration", "aspect_ratio", "aspectRatio",
            "resolution", "resolution", "generate_audio", "audio", "input_image", "image", "input_video", "video",
            "prompt", "prompt", "seed", "seed");

    private final ModelSchemas schemas;
    private final ObjectMapper json = ApiJson.mapper();

    RequestSchemaRule(ModelSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public Seq<Violation> check(VideoRequest request, RequestLimits limits) {
        String model = request.options().model().getOrElse("");
        Either<JobFailure, Map<String, Object>> parameters = OxenRequests.parameters(request, RequestSchemaRule::placeholder);
        if (parameters.isLeft()) {
            return List.of(new Violation("extras", String.join(", ", request.options().extras().keySet()),
                    "cannot be sent: " + parameters.getLeft().message(), "", Violation.Reason.NOT_ALLOWED));
        }
        Option<Schema> schema = schemas.of(model);
        if (schema.isEmpty()) {
            return List.empty();
        }
        String instance;
        try {
            instance = json.writeValueAsString(parameters.get());
        } catch (JsonProcessingException e) {
            return List.of(new Violation("extras", String.join(", ", request.options().extras().keySet()),
                    "are not JSON-compatible values", "strings, numbers, booleans, lists and maps of them",
                    Violation.Reason.NOT_ALLOWED));
        }
        // A validator that fails on a schema it cannot evaluate must not fail the check: Oxen still checks it.
        return Try.of(() -> schema.get().validate(instance, InputFormat.JSON))
                .onFailure(error -> LOG.warn("the request_schema of {} could not be evaluated ({}); it is not checked", model,
                        error.getClass().getSimpleName()))
                .map(errors -> List.ofAll(errors).filter(error -> !refusedByTheCore(property(error), request, limits))
                        .map(error -> violation(error, model)))
                .getOrElse(List.empty());
    }

    private static Either<JobFailure, String> placeholder(MediaSource source, String field) {
        if (source instanceof MediaSource.Url url) {
            return Either.right(url.uri().toString());
        }
        if (source instanceof MediaSource.PreviousResult previous && previous.video().isDefined()) {
            return Either.right(previous.video().get().location().toString());
        }
        return Either.right(PLACEHOLDER + field);
    }

    /** The top-level property an error is about: {@code /multi_prompt/1} is {@code multi_prompt}. */
    private static String property(Error error) {
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return error.getProperty();
        }
        String location = String.valueOf(error.getInstanceLocation());
        String path = location.startsWith("/") ? location.substring(1) : location;
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** Whether the core's own check already refused this field of the request: then it is reported once. */
    private static boolean refusedByTheCore(String property, VideoRequest request, RequestLimits limits) {
        VideoOptions o = request.options();
        return switch (property) {
            case "duration" -> o.duration().exists(d -> d.getNano() != 0 || limits.durations().isEmpty()
                    || !limits.durations().contains((int) Math.min(Integer.MAX_VALUE, d.getSeconds())));
            case "aspect_ratio" -> o.aspectRatio().exists(ratio -> !limits.aspectRatios().contains(ratio));
            case "resolution" -> o.resolution().exists(resolution -> !limits.resolutions().contains(resolution));
            case "generate_audio" -> o.audio().isDefined() && !limits.audio();
            case "seed" -> o.seed().isDefined() && !limits.seed();
            case "prompt" -> (request.prompt().isBlank() && (limits.promptRequired() || request.input().isEmpty()))
                    || limits.maxPromptLength().exists(max -> request.prompt().length() > max);
            default -> false;
        };
    }

    private static Violation violation(Error error, String model) {
        String property = property(error);
        String location = String.valueOf(error.getInstanceLocation());
        String indexed = location.startsWith("/" + property + "/")
                ? property + location.substring(property.length() + 1).replaceAll("/([^/]+)", "[$1]") : property;
        String field = FIELDS.getOrDefault(property, property) + indexed.substring(property.length());
        boolean missing = "required".equals(error.getKeyword());
        String value = missing ? "(missing)" : shown(String.valueOf(error.getInstanceNode()));
        return new Violation(field, value, "is refused by the request_schema of " + model + " (" + error.getMessage() + ")",
                allowed(error), missing ? Violation.Reason.MISSING : Violation.Reason.NOT_ALLOWED);
    }

    private static String allowed(Error error) {
        String rule = shown(String.valueOf(error.getSchemaNode()));
        return switch (String.valueOf(error.getKeyword())) {
            case "enum" -> rule.replaceAll("^\\[|]$", "").replace("\"", "");
            case "minimum", "exclusiveMinimum" -> "at least " + rule;
            case "maximum", "exclusiveMaximum" -> "at most " + rule;
            case "minLength" -> "at least " + rule + " characters";
            case "maxLength" -> "at most " + rule + " characters";
            case "minItems" -> "at least " + rule + " items";
            case "maxItems" -> "at most " + rule + " items";
            case "type" -> "a value of type " + rule;
            case "format" -> "a " + rule;
            default -> "";
        };
    }

    private static String shown(String jsonText) {
        String text = jsonText.length() >= 2 && jsonText.startsWith("\"") && jsonText.endsWith("\"")
                ? jsonText.substring(1, jsonText.length() - 1) : jsonText;
        return text.length() > VALUE_CHARS ? text.substring(0, VALUE_CHARS) + "…" : text;
    }
}
