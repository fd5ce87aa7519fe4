package io.imagine4j.http.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.http.auth.SecretScrubber;
import io.vavr.control.Either;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An answer from a provider API, whatever its status: the status code, the headers, and the body
 * (read whole, bounded in size), decodable into {@code T}. Declare an API method as returning
 * {@code ApiResponse<T>} when the adapter must look at the status itself; the method then never
 * throws for an HTTP status, only for transport failures (see {@code ApiCall} and
 * {@code SubmitCall}).
 *
 * <pre>{@code
 * interface XaiApi {
 *     @RequestLine("GET /videos/{id}")
 *     ApiResponse<PollBody> poll(@Param("id") String id);
 * }
 * ApiResponse<PollBody> answer = api.poll("abc");
 * if (answer.status() == 202 && !answer.hasBody()) { ... still pending ... }
 * else if (answer.isSuccess()) { Either<JobFailure, PollBody> body = answer.body(); ... }
 * else { JobFailure failure = classifier.classify(answer); ... }
 * }</pre>
 *
 * @param <T> what a successful body decodes to
 */
public final class ApiResponse<T> {

    private static final int SNIPPET = 160;

    private final int status;
    private final ResponseHeaders headers;
    private final byte[] body;
    private final JavaType bodyType;
    private final ObjectMapper mapper;
    private final String request;

    private ApiResponse(int status, ResponseHeaders headers, byte[] body, JavaType bodyType, ObjectMapper mapper,
            String request) {
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
        this.bodyType = Objects.requireNonNull(bodyType, "bodyType");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.request = Objects.requireNonNull(request, "request");
    }

    /**
     * An answer to {@code request} (for messages: method and URL without query, such as
     * {@code "GET https://api.x.ai/v1/videos/abc"}) whose body decodes to {@code bodyType}.
     */
    public static <T> ApiResponse<T> of(int status, ResponseHeaders headers, byte[] body, Type bodyType,
            ObjectMapper mapper, String request) {
        return new ApiResponse<>(status, headers, body.clone(), mapper.constructType(bodyType), mapper, request);
    }

    public int status() {
        return status;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public ResponseHeaders headers() {
        return headers;
    }

    /** Whether the body holds anything but whitespace (xAI answers a pending poll with 202 and no body). */
    public boolean hasBody() {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return true;
            }
        }
        return false;
    }

    /** The body's bytes (a copy). */
    public byte[] rawBody() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body decoded as {@code T}; an empty or unreadable body is a {@code PROTOCOL} failure
     * ({@code empty_body}, {@code malformed_json}). Decoded on each call.
     */
    public Either<JobFailure, T> body() {
        return decode(bodyType);
    }

    /** The body decoded as another type, such as an error body's DTO. */
    public <U> Either<JobFailure, U> bodyAs(Class<U> type) {
        return decode(mapper.constructType(type));
    }

    /** The request this answers: method and URL without its query. */
    public String request() {
        return request;
    }

    private <U> Either<JobFailure, U> decode(JavaType type) {
        if (!hasBody()) {
            return Either.left(JobFailure.of(FailureKind.PROTOCOL, "empty_body",
                    "The answer to " + request + " (HTTP " + status + ") has no body, where a "
                            + type.getRawClass().getSimpleName() + " was expected."));
        }
        try {
            U value = mapper.readValue(body, type);
            if (value == null) {
                return Either.left(JobFailure.of(FailureKind.PROTOCOL, "malformed_json",
                        "The answer to " + request + " (HTTP " + status + ") is JSON null."));
            }
            return Either.right(value);
        } catch (JsonProcessingException e) {
            return Either.left(JobFailure.of(FailureKind.PROTOCOL, "malformed_json", "The answer to " + request
                    + " (HTTP " + status + ") is not a readable " + type.getRawClass().getSimpleName() + ": "
                    + SecretScrubber.scrub(e.getOriginalMessage(), SNIPPET) + ". It began: "
                    + SecretScrubber.scrub(bodyText(), SNIPPET)));
        } catch (IOException e) {
            return Either.left(JobFailure.of(FailureKind.PROTOCOL, "malformed_json", "The answer to " + request
                    + " (HTTP " + status + ") could not be read: " + SecretScrubber.scrub(e.getMessage(), SNIPPET)));
        }
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + " to " + request + ", " + body.length + " bytes]";
    }
}
