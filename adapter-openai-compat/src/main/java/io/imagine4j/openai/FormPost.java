package io.imagine4j.openai;

import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.ApiOrigin;
import io.imagine4j.http.client.ResponseTooLargeException;
import io.imagine4j.http.json.ApiJson;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.http.response.ResponseHeaders;
import io.imagine4j.http.transport.JdkHttpClients;
import io.imagine4j.http.transport.StreamingBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends a multipart submit over the JDK client (Feign cannot stream a body: see {@link MultipartBody}),
 * the way the Feign clients send everything else: the key only to its own origin, the extra headers,
 * no redirect followed (a POST is not re-sent elsewhere silently), the answer read whole up to a
 * bound, as an {@link ApiResponse}. An I/O failure is thrown as an {@link UncheckedIOException} whose
 * cause the shared submit classification reads (connection refused: nothing sent; reset: maybe).
 */
final class FormPost {

    private final HttpClient http;
    private final URI baseUrl;
    private final ApiCredentials credentials;
    private final Map<String, String> headers;
    private final Duration readTimeout;
    private final int maxResponseBytes;

    FormPost(URI baseUrl, ApiCredentials credentials, Map<String, String> headers, Duration connectTimeout,
            Duration readTimeout, int maxResponseBytes) {
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = JdkHttpClients.create(connectTimeout, JdkHttpClients.versionFor(this.baseUrl));
        this.credentials = credentials;
        this.headers = Map.copyOf(headers);
        this.readTimeout = readTimeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    /**
     * Posts {@code body} (made of {@code form}, its files opened already, so a missing one never gets
     * this far) to {@code path} below the base URL, and answers whatever came back, decodable as {@code type}.
     *
     * @throws UncheckedIOException when no answer arrived
     */
    <T> ApiResponse<T> post(String path, MultipartBody form, HttpRequest.BodyPublisher body, Type type) {
        URI url = URI.create(baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .version(JdkHttpClients.versionFor(url))
                .timeout(readTimeout)
                .header("Content-Type", form.contentType())
                .header("Accept", "application/json")
                .POST(body);
        headers.forEach(request::header);
        credentials.headersFor(url).forEach(request::header);
        // The body arrives through a StreamingBody: a read that waits longer than the read timeout fails,
        // where BodyHandlers.ofInputStream() would wait for as long as the server keeps the connection open.
        StreamingBody streamed = new StreamingBody(readTimeout);
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), info -> streamed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while submitting"));
        }
        byte[] answer;
        try (InputStream in = response.body()) {
            answer = in.readNBytes(maxResponseBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (answer.length > maxResponseBytes) {
            throw new UncheckedIOException(new ResponseTooLargeException("the answer to POST " + ApiOrigin.withoutQuery(url)
                    + " is larger than " + maxResponseBytes + " bytes"));
        }
        return ApiResponse.of(response.statusCode(), ResponseHeaders.of(response.headers().map()), answer, type,
                ApiJson.mapper(), "POST " + ApiOrigin.withoutQuery(url));
    }
}
