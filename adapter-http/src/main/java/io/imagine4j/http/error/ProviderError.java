package io.imagine4j.http.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.http.auth.SecretScrubber;
import io.vavr.control.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a provider said in an error body, read from whichever shape it used:
 * <ul>
 *   <li>xAI, flat: {@code {"code":"imagine:content-moderated","error":"Generated video rejected…"}};</li>
 *   <li>OpenAI and xAI's other endpoints, nested: {@code {"error":{"message","type","code","param"}}};</li>
 *   <li>Oxen: {@code {"error":{"type","title","detail"},"status":"error","status_message":"invalid_params"}}
 *       and {@code {"error":{"message":"Model not found: x"}}};</li>
 *   <li>gateways: {@code {"message":…}}, {@code {"detail":…}}; anything else (an HTML page from a
 *       proxy, plain text) leaves {@code code} empty and keeps a short text as the message.</li>
 * </ul>
 * Every text is scrubbed of anything shaped like a credential and truncated to
 * {@value #MAX_MESSAGE} characters.
 *
 * <pre>{@code
 * ProviderError error = ProviderError.parse(response.rawBody(), ApiJson.mapper());
 * error.code();     // Some("imagine:content-moderated")
 * error.message();  // Some("Generated video rejected by content moderation.")
 * }</pre>
 *
 * @param code    the provider's machine-readable code, when it sent one
 * @param message the provider's sentence, when it sent one
 * @param type    the error type (OpenAI {@code invalid_request_error}, Oxen {@code error.type})
 * @param param   the offending parameter, when named
 */
public record ProviderError(Option<String> code, Option<String> message, Option<String> type, Option<String> param) {

    /** The longest provider text kept in a message. */
    public static final int MAX_MESSAGE = 300;
    private static final int MAX_CODE = 80;

    public ProviderError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(param, "param");
    }

    /** Nothing known. */
    public static ProviderError none() {
        return new ProviderError(Option.none(), Option.none(), Option.none(), Option.none());
    }

    /** Reads {@code body} in any known shape; never fails. */
    public static ProviderError parse(byte[] body, ObjectMapper mapper) {
        if (body == null || body.length == 0) {
            return none();
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException notJson) {
            return fromText(new String(body, StandardCharsets.UTF_8));
        }
        if (root == null || !root.isObject()) {
            return root != null && root.isTextual() ? fromText(root.asText()) : none();
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            Option<String> message = text(error, "message").orElse(() -> titleAndDetail(error));
            Option<String> type = text(error, "type");
            Option<String> code = text(error, "code").orElse(() -> text(root, "status_message")).orElse(() -> type)
                    .orElse(() -> text(root, "code"));
            return of(code, message, type, text(error, "param"));
        }
        Option<String> message = text(root, "error").orElse(() -> text(root, "message"))
                .orElse(() -> text(root, "detail")).orElse(() -> detailList(root));
        Option<String> code = text(root, "code").orElse(() -> text(root, "status_message"))
                .orElse(() -> text(root, "type"));
        return of(code, message, text(root, "type"), text(root, "param"));
    }

    private static ProviderError of(Option<String> code, Option<String> message, Option<String> type,
            Option<String> param) {
        return new ProviderError(clean(code, MAX_CODE), clean(message, MAX_MESSAGE), clean(type, MAX_CODE),
                clean(param, MAX_CODE));
    }

    private static ProviderError fromText(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("<")) {
            return none(); // an HTML page from a proxy says nothing a user can act on
        }
        return of(Option.none(), Option.some(trimmed), Option.none(), Option.none());
    }

    private static Option<String> titleAndDetail(JsonNode error) {
        Option<String> title = text(error, "title");
        Option<String> detail = text(error, "detail");
        if (title.isDefined() && detail.isDefined()) {
            return Option.some(title.get() + ": " + detail.get());
        }
        return title.orElse(detail);
    }

    /** FastAPI-style {@code {"detail":[{"msg":…}]}}, as some self-hosted servers answer. */
    private static Option<String> detailList(JsonNode root) {
        JsonNode detail = root.get("detail");
        if (detail == null || !detail.isArray() || detail.isEmpty()) {
            return Option.none();
        }
        return text(detail.get(0), "msg");
    }

    private static Option<String> text(JsonNode node, String field) {
        if (node == null) {
            return Option.none();
        }
        JsonNode value = node.get(field);
        if (value == null || !(value.isTextual() || value.isNumber() || value.isBoolean())) {
            return Option.none();
        }
        String text = value.asText();
        return text.isBlank() ? Option.none() : Option.some(text);
    }

    private static Option<String> clean(Option<String> text, int max) {
        return text.map(t -> SecretScrubber.scrub(t, max)).filter(t -> !t.isEmpty());
    }
}
