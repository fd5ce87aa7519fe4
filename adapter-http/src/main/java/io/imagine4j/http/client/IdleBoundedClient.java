package io.imagine4j.http.client;

import feign.Request;
import feign.Response;
import feign.http2client.Http2Client;
import io.imagine4j.http.transport.StreamingBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * feign-java11's transport with one change: an answer's body arrives through a {@link StreamingBody},
 * so a read that waits longer than the read timeout fails. {@link Http2Client} reads bodies through
 * {@code BodyHandlers.ofInputStream()}, whose reads wait for as long as the server keeps the
 * connection open, and the JDK's request timeout stops at the headers: a server that sends its
 * headers and then stalls would hold a poll, and the scheduler thread running it, for good. The
 * request is built as {@code Http2Client} builds it; the answer is converted by its own
 * {@code toFeignResponse} (status, headers, gzip).
 */
final class IdleBoundedClient extends Http2Client {

    /** Headers the JDK client sets itself and refuses from callers, as feign-java11 filters them. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http;

    IdleBoundedClient(HttpClient http) {
        super(http);
        this.http = http;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Duration timeout = Duration.ofMillis(options.readTimeoutMillis());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout)
                .version(http.version());
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        byte[] body = request.body();
        builder.method(request.httpMethod().toString(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        StreamingBody answer = new StreamingBody(timeout);
        HttpResponse<InputStream> response;
        try {
            response = http.send(builder.build(), info -> answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the answer to " + request.httpMethod());
        }
        return toFeignResponse(request, response);
    }
}
