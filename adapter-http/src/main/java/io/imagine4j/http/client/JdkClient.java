package io.imagine4j.http.client;

import feign.Client;
import feign.Request;
import feign.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Feign's transport on the JDK {@link HttpClient}: the request's method, URL, headers and bytes as
 * one {@link HttpRequest}, the answer's body read whole into an array (API answers are small JSON;
 * videos are downloaded elsewhere, streamed), gzip and deflate bodies inflated. Two bounds hold
 * for every answer, whatever the server does: its headers arrive within the read timeout (the JDK's
 * request timeout) and then its whole body within another (the JDK's timeout stops at the headers,
 * so a server that sends its headers and then stalls would otherwise hold the call, and the
 * scheduler thread running it, for good); and a body larger than the limit is refused as it
 * arrives (at once when its declared length says so), never read whole. Either way the body's
 * subscription is cancelled, so the JDK client closes the connection.
 *
 * <p>Written here rather than taken from {@code feign-java11}'s {@code Http2Client}, which does the
 * same job but, per call, filters and re-collects the headers through streams and sets, hands the
 * body over through the JDK's blocking {@code ofInputStream} queue, and copies the answer's headers
 * once more: measured with the benchmarks' load harness, that was about a tenth of imagine4j's
 * allocation per API call (see the commit that introduced this class). The API key is not this
 * class's business: {@link OriginBoundClient} adds it around it.
 */
final class JdkClient implements Client {

    /** Headers the JDK client sets itself and refuses from callers (Feign adds Content-Length). */
    private static final Set<String> RESTRICTED = restricted();

    private final HttpClient http;
    private final int maxBytes;

    JdkClient(HttpClient http, int maxBytes) {
        this.http = http;
        this.maxBytes = maxBytes;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpResponse<byte[]> answer;
        try {
            // send, not sendAsync: on two cores the JDK completes every sendAsync on a new thread of its
            // own (CompletableFuture's fallback when the common pool has one thread), which doubled the
            // CPU per call in the load benchmark.
            answer = http.send(toJdk(request, options), info -> body(info, options));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the JDK cancelled the exchange
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while calling " + RequestLine.of(request));
            interrupted.initCause(e);
            throw interrupted;
        }
        HttpHeaders headers = answer.headers();
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        Response.Builder response = Response.builder()
                .status(answer.statusCode())
                .request(request)
                .protocolVersion(answer.version() == HttpClient.Version.HTTP_2 ? Request.ProtocolVersion.HTTP_2
                        : Request.ProtocolVersion.HTTP_1_1)
                .headers(feignHeaders(headers));
        List<String> encoding = headers.allValues("Content-Encoding");
        if (encoding.contains("gzip")) {
            return response.body(inflated(new GZIPInputStream(new ByteArrayInputStream(body)))).build();
        }
        if (encoding.contains("deflate")) {
            return response.body(inflated(new InflaterInputStream(new ByteArrayInputStream(body)))).build();
        }
        return response.body(body).build();
    }

    /** The body, collected into one array up to the limit, whole within the read timeout of its headers. */
    private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info, Request.Options options) {
        return new LimitedBytes(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1),
                options.readTimeoutMillis());
    }

    private static HttpRequest toJdk(Request request, Request.Options options) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(request.url()));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid URL for " + request.httpMethod(), e);
        }
        builder.timeout(Duration.ofMillis(options.readTimeoutMillis())); // the headers' bound; LimitedBytes bounds the body
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey())) {
                for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                }
            }
        }
        byte[] body = request.body();
        HttpRequest.BodyPublisher publisher = body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return builder.method(request.httpMethod().name(), publisher).build();
    }

    /** Feign's shape of the headers; the JDK's map already ignores case and holds unmodifiable lists. */
    @SuppressWarnings("unchecked")
    private static Map<String, Collection<String>> feignHeaders(HttpHeaders headers) {
        return (Map<String, Collection<String>>) (Map<String, ?>) headers.map();
    }

    private static byte[] inflated(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static Set<String> restricted() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(List.of("connection", "content-length", "expect", "host", "upgrade"));
        return names;
    }
}
