package io.imagine4j.http.client;

import feign.Response;
import feign.codec.ErrorDecoder;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.error.HttpFailureException;
import io.imagine4j.http.response.ResponseHeaders;

import java.io.IOException;

/**
 * For methods returning a plain body type: an error answer becomes an {@link HttpFailureException}
 * with the classified failure. Never a Feign {@code RetryableException}, whose {@code retryAfter}
 * is an absolute time and which would invite Feign's retryer back in.
 */
final class ClassifyingErrorDecoder implements ErrorDecoder {

    private final ErrorClassifier classifier;
    private final int maxResponseBytes;

    ClassifyingErrorDecoder(ErrorClassifier classifier, int maxResponseBytes) {
        this.classifier = classifier;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        byte[] body;
        try {
            body = BoundedBody.read(response, maxResponseBytes);
        } catch (IOException unreadable) {
            body = new byte[0]; // classified on status and headers alone
        }
        return new HttpFailureException(response.status(), classifier.classify(response.status(), ResponseHeaders.of(response.headers()),
                body, RequestLine.of(response.request())));
    }
}
