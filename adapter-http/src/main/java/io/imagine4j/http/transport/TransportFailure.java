package io.imagine4j.http.transport;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.http.auth.SecretScrubber;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Objects;
import javax.net.ssl.SSLHandshakeException;

/**
 * What an exception from an HTTP call says about the request: whether it surely never reached the
 * server ({@link Delivery#NOT_SENT}: connection refused, unknown host, connect timeout, TLS
 * handshake failed) or may have ({@link Delivery#MAYBE_SENT}: reset, closed, read timeout, broken
 * body). Only the first kind makes a repeated POST safe.
 *
 * <p>What the JDK client (and so {@code feign-java11}, which wraps it in a Feign
 * {@code RetryableException}) throws, as observed by this module's tests on loopback:
 * <ul>
 *   <li>closed port: {@code ConnectException} (cause {@code ClosedChannelException});</li>
 *   <li>unresolvable host: {@code ConnectException} (cause {@code UnresolvedAddressException});</li>
 *   <li>connect timeout: {@code HttpConnectTimeoutException};</li>
 *   <li>reset or close after the request was read: {@code IOException "HTTP/1.1 header parser
 *       received no bytes"} (cause {@code SocketException: Connection reset} or {@code EOFException});</li>
 *   <li>no answer within the request timeout: {@code HttpTimeoutException: request timed out}.</li>
 * </ul>
 * Only the outermost I/O exception decides the delivery, so a cause deep in a chain can never
 * turn an ambiguous failure into a "not sent" one.
 *
 * <pre>{@code
 * TransportFailure failure = TransportFailure.of(exception);
 * if (failure.delivery() == TransportFailure.Delivery.NOT_SENT) { ... safe to send again ... }
 * }</pre>
 *
 * @param delivery    whether the request may have reached the server
 * @param code        a short stable code: {@code connection_refused}, {@code unknown_host},
 *                    {@code connect_timeout}, {@code tls_handshake}, {@code read_timeout},
 *                    {@code connection_reset}, {@code connection_closed}, {@code truncated_answer},
 *                    {@code interrupted}, {@code io_error}
 * @param description a few words for a message ({@code connection refused})
 */
public record TransportFailure(Delivery delivery, String code, String description) {

    /** Whether a failed request may have reached the server. */
    public enum Delivery {
        /** The request surely never reached the server. */
        NOT_SENT,
        /** The request may have reached the server, and may have been acted on. */
        MAYBE_SENT
    }

    public TransportFailure {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
    }

    /** Classifies {@code error}, an exception from an HTTP call, possibly wrapped by Feign. */
    public static TransportFailure of(Throwable error) {
        IOException io = outermostIo(error);
        if (io == null) {
            return error instanceof InterruptedException
                    ? new TransportFailure(Delivery.MAYBE_SENT, "interrupted", "interrupted")
                    : new TransportFailure(Delivery.MAYBE_SENT, "io_error", "an unexpected " + error.getClass().getSimpleName());
        }
        if (io instanceof HttpConnectTimeoutException) {
            return new TransportFailure(Delivery.NOT_SENT, "connect_timeout", "connect timed out");
        }
        if (io instanceof UnknownHostException
                || (io instanceof ConnectException && hasCause(io, UnresolvedAddressException.class))) {
            return new TransportFailure(Delivery.NOT_SENT, "unknown_host", "host not found");
        }
        if (io instanceof ConnectException || io instanceof NoRouteToHostException) {
            return new TransportFailure(Delivery.NOT_SENT, "connection_refused", "connection refused");
        }
        if (io instanceof SSLHandshakeException) {
            return new TransportFailure(Delivery.NOT_SENT, "tls_handshake", "TLS handshake failed");
        }
        if (io instanceof HttpTimeoutException || io instanceof SocketTimeoutException
                || hasCause(io, SocketTimeoutException.class)) {
            return new TransportFailure(Delivery.MAYBE_SENT, "read_timeout", "no answer in time");
        }
        if (hasCause(io, InterruptedException.class) || io instanceof InterruptedIOException) {
            return new TransportFailure(Delivery.MAYBE_SENT, "interrupted", "interrupted");
        }
        if (String.valueOf(io.getMessage()).contains("bytes received")) { // the JDK's words for a body cut short
            return new TransportFailure(Delivery.MAYBE_SENT, "truncated_answer", "the answer broke off");
        }
        if (io instanceof SocketException || hasCause(io, SocketException.class)) {
            return new TransportFailure(Delivery.MAYBE_SENT, "connection_reset", "connection reset");
        }
        if (io instanceof EOFException || hasCause(io, EOFException.class)
                || String.valueOf(io.getMessage()).contains("received no bytes")) { // the JDK's words for a silent close
            return new TransportFailure(Delivery.MAYBE_SENT, "connection_closed", "connection closed by the server");
        }
        return new TransportFailure(Delivery.MAYBE_SENT, "io_error",
                "I/O error: " + SecretScrubber.scrub(io.getMessage(), 120));
    }

    /**
     * This failure as a {@code UNAVAILABLE} {@link JobFailure} about {@code what} (for example
     * {@code "POST https://api.x.ai/v1/videos/generations"}) at {@code provider}.
     */
    public JobFailure toJobFailure(String provider, String what) {
        String message = delivery == Delivery.NOT_SENT
                ? "Could not reach " + provider + " for " + what + " (" + description + "); nothing was sent."
                        + " Check the base URL and the network, then try again."
                : "The call " + what + " to " + provider + " failed after the request went out (" + description
                        + "), so whether " + provider + " acted on it is unknown.";
        return JobFailure.of(FailureKind.UNAVAILABLE, code, message);
    }

    private static IOException outermostIo(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable error, Class<?> type) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
