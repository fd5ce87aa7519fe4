package io.imagine4j.testkit.openai;

import io.vavr.control.Option;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A refused request in OpenAI's terms: beyond the status and message, the {@code type},
 * {@code param} and {@code code} of {@code {"error":{"message","type","param","code"}}}. Thrown by
 * the request readers and handlers of the OpenAI simulator, rendered by {@link OpenAiResponses#error}.
 *
 * <pre>{@code
 * throw OpenAiRejection.invalidValue("seconds", "10", List.of("4", "8", "12"));
 * // 400 {"error":{"message":"Invalid value: '10'. Supported values are: '4', '8', and '12'.",
 * //               "type":"invalid_request_error","param":"seconds","code":"invalid_value"}}
 * }</pre>
 */
final class OpenAiRejection extends RuntimeException {

    static final String INVALID_REQUEST = "invalid_request_error";

    private final int status;
    private final String type;
    private final Option<String> param;
    private final Option<String> code;

    OpenAiRejection(int status, String type, String message, Option<String> param, Option<String> code) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    static OpenAiRejection badRequest(String param, String code, String message) {
        return new OpenAiRejection(400, INVALID_REQUEST, message, Option.of(param), Option.of(code));
    }

    static OpenAiRejection missing(String param) {
        return badRequest(param, "missing_required_parameter", "Missing required parameter: '" + param + "'.");
    }

    static OpenAiRejection unknownParameter(String param) {
        return badRequest(param, "unknown_parameter", "Unknown parameter: '" + param + "'.");
    }

    static OpenAiRejection invalidType(String param, String expected, String got) {
        return badRequest(param, "invalid_type", "Invalid type for '" + param + "': expected " + expected + ", but got " + got + " instead.");
    }

    static OpenAiRejection invalidValue(String param, String value, List<String> supported) {
        return badRequest(param, "invalid_value", "Invalid value: '" + value + "'. Supported values are: " + quoted(supported) + ".");
    }

    static OpenAiRejection notFound(String param, String message) {
        return new OpenAiRejection(404, INVALID_REQUEST, message, Option.of(param), Option.none());
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    Option<String> param() {
        return param;
    }

    Option<String> code() {
        return code;
    }

    /** {@code 'a', 'b', and 'c'} as OpenAI lists allowed values. */
    static String quoted(List<String> values) {
        List<String> each = values.stream().map(value -> "'" + value + "'").toList();
        if (each.size() <= 2) {
            return String.join(" and ", each);
        }
        return each.subList(0, each.size() - 1).stream().collect(Collectors.joining(", ")) + ", and " + each.get(each.size() - 1);
    }
}
