package io.imagine4j.http.client;

import java.io.IOException;

/**
 * An API answer's body was larger than {@code ApiClients.Builder.maxResponseBytes}. Reported by
 * {@code ApiCall} and {@code SubmitCall} as a {@code PROTOCOL} failure, {@code response_too_large}.
 *
 * <pre>{@code
 * VideoApi api = ApiClients.builder(base).maxResponseBytes(1_000_000).build(VideoApi.class);
 * calls.exchange(() -> api.list()).peekLeft(f -> f.code());   // "response_too_large" for a bigger answer
 * }</pre>
 */
public class ResponseTooLargeException extends IOException {

    public ResponseTooLargeException(String message) {
        super(message);
    }
}
