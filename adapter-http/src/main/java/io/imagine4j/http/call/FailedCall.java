package io.imagine4j.http.call;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.http.auth.ApiOrigin;
import io.imagine4j.http.auth.SecretScrubber;
import io.imagine4j.http.client.ResponseTooLargeException;
import io.imagine4j.http.transport.TransportFailure;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;

/**
 * What an exception out of a Feign call means: whether the request surely never left, and the
 * failure to report. Shared by {@link ApiCall} and {@link SubmitCall}.
 *
 * @param notSent whether the request surely never reached the server
 * @param failure the failure, naming the call
 */
record FailedCall(boolean notSent, JobFailure failure) {

    static FailedCall of(RuntimeException error, String provider) {
        String what = describe(error);
        if (error instanceof EncodeException) {
            return new FailedCall(true, JobFailure.of(FailureKind.PROTOCOL, "encode_failed",
                    "imagine4j could not encode the request " + what + " for " + provider + ": "
                            + SecretScrubber.scrub(error.getMessage(), 200)));
        }
        if (error instanceof DecodeException) {
            return new FailedCall(false, JobFailure.of(FailureKind.PROTOCOL, "malformed_json",
                    "The answer of " + provider + " to " + what + " could not be read: "
                            + SecretScrubber.scrub(error.getMessage(), 200)));
        }
        if (causedBy(error, ResponseTooLargeException.class)) {
            return new FailedCall(false, JobFailure.of(FailureKind.PROTOCOL, "response_too_large",
                    "The answer of " + provider + " to " + what + " was too large to read: "
                            + SecretScrubber.scrub(rootMessage(error, ResponseTooLargeException.class), 200)));
        }
        if (error instanceof FeignException answered && !(error instanceof RetryableException) && answered.status() > 0
                && causedBy(error, IOException.class)) {
            // Headers arrived, the body broke off or stalled: the server had answered, so the request surely arrived.
            TransportFailure broken = causedBy(error, SocketTimeoutException.class)
                    ? new TransportFailure(TransportFailure.Delivery.MAYBE_SENT, "read_timeout",
                            "the answer (HTTP " + answered.status() + ") stalled for longer than the read timeout")
                    : new TransportFailure(TransportFailure.Delivery.MAYBE_SENT, "truncated_answer",
                            "the answer (HTTP " + answered.status() + ") broke off");
            return new FailedCall(false, broken.toJobFailure(provider, what));
        }
        TransportFailure transport = TransportFailure.of(error);
        return new FailedCall(transport.delivery() == TransportFailure.Delivery.NOT_SENT,
                transport.toJobFailure(provider, what));
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        return rootMessage(error, type) != null;
    }

    private static String rootMessage(Throwable error, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return String.valueOf(t.getMessage());
            }
        }
        return null;
    }

    private static String describe(RuntimeException error) {
        if (error instanceof FeignException feign && feign.hasRequest()) {
            Request request = feign.request();
            try {
                return request.httpMethod() + " " + ApiOrigin.withoutQuery(URI.create(request.url()));
            } catch (IllegalArgumentException unparsable) {
                return request.httpMethod().toString();
            }
        }
        return "a call";
    }
}
