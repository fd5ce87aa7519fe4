package io.imagine4j.http.client;

import feign.Request;
import io.imagine4j.http.auth.ApiOrigin;

import java.net.URI;

/** How a request is named in messages: method and URL, never its query. */
final class RequestLine {

    private RequestLine() {
    }

    static String of(Request request) {
        if (request == null) {
            return "a request";
        }
        String url;
        try {
            url = ApiOrigin.withoutQuery(URI.create(request.url()));
        } catch (IllegalArgumentException unparsable) {
            url = "(unparsable URL)";
        }
        return request.httpMethod() + " " + url;
    }
}
