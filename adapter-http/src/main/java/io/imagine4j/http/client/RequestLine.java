package io.imagine4j.http.client;

import feign.Request;

/** How a request is named in messages: method and URL, never its query. */
final class RequestLine {

    private RequestLine() {
    }

    static String of(Request request) {
        if (request == null) {
            return "a request";
        }
        // Every answer gets its line, read or not: cut the query off the text, as ApiOrigin.withoutQuery
        // does, without parsing a URI per call (Feign built this URL from a validated base).
        String url = request.url();
        int cut = url.indexOf('?');
        return request.httpMethod() + " " + (cut < 0 ? url : url.substring(0, cut) + "?…");
    }
}
