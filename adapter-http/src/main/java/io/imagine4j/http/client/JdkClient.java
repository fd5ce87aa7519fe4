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
import java.net.http.HttpTimeoutException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Feign's transport on the JDK {@link HttpClient}: the request's method, URL, headers and bytes as
 * one {@link HttpRequest}, the answer's body read whole into an array (API answers are small JSON;
 * videos are downloaded elsewhere, streamed), gzip and deflate bodies inflated. Two bounds hold
 * for every answer, whatever the server does: the whole exchange, body included, ends within the
 * read timeout (the JDK's own request timeout stops at the headers, so a server that sends its
 * headers and then stalls would hold the call, and the scheduler thread running it, for good); and
 * a body larger than the limit is refused as it arrives (at once when its declared length says
 * so), never read whole. Either way the exchange is cancelled, so the JDK client lets its
 * connection go.
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
        HttpResponse<byte[]> answer = await(http.sendAsync(toJdk(request, options), this::body), request, options);
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

    /** The answer within the read timeout, else the exchange cancelled and a timeout; the call's own failure as it was. */
    private static HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> exchange, Request request,
            Request.Options options) throws IOException {
        try {
            return exchange.get(options.readTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no whole answer to " + RequestLine.of(request) + " within the read timeout of "
                    + options.readTimeoutMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while calling " + RequestLine.of(request));
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("the call " + RequestLine.of(request) + " failed: " + cause, cause);
        }
    }

    /** The body, collected into one array up to the limit. */
    private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
        return new LimitedBytes(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    private static HttpRequest toJdk(Request request, Request.Options options) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(request.url()));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid URL for " + request.httpMethod(), e);
        }
        // No builder.timeout(): await() bounds the whole exchange, and a JDK timer per call would cost for nothing.
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
