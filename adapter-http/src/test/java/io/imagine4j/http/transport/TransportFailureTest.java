package io.imagine4j.http.transport;

import feign.Request;
import feign.RetryableException;
import io.imagine4j.core.job.FailureKind;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;

import static io.imagine4j.http.transport.TransportFailure.Delivery.MAYBE_SENT;
import static io.imagine4j.http.transport.TransportFailure.Delivery.NOT_SENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exception chains the JDK client produces (as observed on loopback by {@code SubmitCallTest}),
 * wrapped as feign-java11 and Feign wrap them. The unresolvable host is built here rather than
 * provoked, because provoking it means asking a DNS server.
 */
class TransportFailureTest {

    private static RetryableException feignWrapped(IOException io) {
        Request request = Request.create(Request.HttpMethod.POST, "https://api.x.ai/v1/videos/generations", Map.of(),
                new byte[0], StandardCharsets.UTF_8, null);
        return new RetryableException(-1, io.getMessage(), Request.HttpMethod.POST, io, (Long) null, request);
    }

    private static <T extends Throwable> T causedBy(T error, Throwable cause) {
        error.initCause(cause);
        return error;
    }

    @Test
    void failures_before_sending_are_not_sent() {
        assertThat(TransportFailure.of(feignWrapped(causedBy(new ConnectException(),
                causedBy(new ConnectException(), new ClosedChannelException())))))
                .isEqualTo(new TransportFailure(NOT_SENT, "connection_refused", "connection refused"));
        assertThat(TransportFailure.of(feignWrapped(causedBy(new ConnectException(),
                causedBy(new ConnectException(), new UnresolvedAddressException())))).code())
                .isEqualTo("unknown_host");
        assertThat(TransportFailure.of(feignWrapped(new UnknownHostException("nowhere.invalid"))).delivery())
                .isEqualTo(NOT_SENT);
        assertThat(TransportFailure.of(feignWrapped(causedBy(new HttpConnectTimeoutException("HTTP connect timed out"),
                new ConnectException("HTTP connect timed out")))).code()).isEqualTo("connect_timeout");
        assertThat(TransportFailure.of(feignWrapped(new SSLHandshakeException("bad certificate"))).code())
                .isEqualTo("tls_handshake");
    }

    @Test
    void failures_after_sending_may_have_been_sent() {
        assertThat(TransportFailure.of(feignWrapped(causedBy(new IOException("HTTP/1.1 header parser received no bytes"),
                new SocketException("Connection reset")))))
                .isEqualTo(new TransportFailure(MAYBE_SENT, "connection_reset", "connection reset"));
        assertThat(TransportFailure.of(feignWrapped(causedBy(new IOException("HTTP/1.1 header parser received no bytes"),
                new EOFException("EOF reached while reading")))).code()).isEqualTo("connection_closed");
        assertThat(TransportFailure.of(feignWrapped(new IOException("HTTP/1.1 header parser received no bytes"))).code())
                .isEqualTo("connection_closed");
        assertThat(TransportFailure.of(feignWrapped(new IOException("fixed content-length: 100, bytes received: 14"))))
                .isEqualTo(new TransportFailure(MAYBE_SENT, "truncated_answer", "the answer broke off"));
        assertThat(TransportFailure.of(feignWrapped(new HttpTimeoutException("request timed out"))).code())
                .isEqualTo("read_timeout");
        assertThat(TransportFailure.of(feignWrapped(causedBy(new IOException("interrupted"), new InterruptedException())))
                .code()).isEqualTo("interrupted");
        assertThat(TransportFailure.of(feignWrapped(new IOException("something odd"))))
                .isEqualTo(new TransportFailure(MAYBE_SENT, "io_error", "I/O error: something odd"));
    }

    @Test
    void a_connect_exception_deep_inside_an_ambiguous_failure_does_not_make_it_safe() {
        IOException ambiguous = causedBy(new IOException("stream reset"), new ConnectException("inner"));

        assertThat(TransportFailure.of(feignWrapped(ambiguous)).delivery()).isEqualTo(MAYBE_SENT);
    }

    @Test
    void non_io_exceptions_are_ambiguous() {
        assertThat(TransportFailure.of(new IllegalStateException("bug")).delivery()).isEqualTo(MAYBE_SENT);
    }

    @Test
    void as_a_job_failure_it_is_unavailable_and_says_whether_anything_was_sent() {
        TransportFailure refused = new TransportFailure(NOT_SENT, "connection_refused", "connection refused");
        TransportFailure reset = new TransportFailure(MAYBE_SENT, "connection_reset", "connection reset");

        assertThat(refused.toJobFailure("xAI", "POST https://api.x.ai/v1/videos/generations").kind())
                .isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(refused.toJobFailure("xAI", "POST x").message()).contains("nothing was sent");
        assertThat(reset.toJobFailure("xAI", "POST x").message()).contains("unknown");
    }
}
