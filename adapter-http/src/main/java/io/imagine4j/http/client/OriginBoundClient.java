package io.imagine4j.http.client;

import feign.Client;
import feign.Request;
import feign.Response;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.transport.RedirectTarget;
import io.vavr.control.Option;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transport decorator that owns credentials: it removes every credential header a request
 * carries, adds the API key only when the request goes to the credentials' origin, and follows
 * redirects of GET and HEAD itself (the JDK client is told never to), dropping the key for good once
 * a hop leaves the origin. Other methods get their redirect answer back untouched: re-sending a
 * POST elsewhere is not a decision to take silently.
 */
final class OriginBoundClient implements Client {

    private final Client delegate;
    private final Option<ApiCredentials> credentials;
    private final int maxRedirects;

    OriginBoundClient(Client delegate, Option<ApiCredentials> credentials, int maxRedirects) {
        this.delegate = delegate;
        this.credentials = credentials;
        this.maxRedirects = maxRedirects;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        URI url = URI.create(request.url());
        boolean keyAllowed = true;
        Request current = authorized(request, url, keyAllowed);
        for (int hop = 0; ; hop++) {
            Response response = delegate.execute(current, options);
            if (hop >= maxRedirects || !isSafe(current.httpMethod())) {
                return response;
            }
            Option<URI> next = RedirectTarget.of(url, response.status(), location(response));
            if (next.isEmpty()) {
                return response;
            }
            response.close();
            url = next.get();
            keyAllowed = keyAllowed && credentials.exists(c -> c.origin().contains(next.get()));
            Request hopRequest = Request.create(current.httpMethod(), url.toString(), current.headers(), null,
                    current.charset(), current.requestTemplate());
            current = authorized(hopRequest, url, keyAllowed);
        }
    }

    private Request authorized(Request request, URI url, boolean keyAllowed) {
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (!ApiCredentials.isCredentialHeader(name)) {
                headers.put(name, values);
            }
        });
        if (keyAllowed) {
            credentials.forEach(c -> c.headersFor(url).forEach((name, value) -> headers.put(name, List.of(value))));
        }
        return Request.create(request.httpMethod(), request.url(), headers, request.body(), request.charset(),
                request.requestTemplate());
    }

    private static boolean isSafe(Request.HttpMethod method) {
        return method == Request.HttpMethod.GET || method == Request.HttpMethod.HEAD;
    }

    private static Optional<String> location(Response response) {
        for (Map.Entry<String, Collection<String>> header : response.headers().entrySet()) {
            if ("location".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                return Optional.of(new ArrayList<>(header.getValue()).get(0));
            }
        }
        return Optional.empty();
    }
}
