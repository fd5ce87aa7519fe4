package io.imagine4j.testkit.internal.sim;

import io.imagine4j.testkit.sim.HeaderMap;
import io.vavr.control.Option;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request as a simulator received it, body read in full.
 *
 * @param method   the HTTP method, upper case
 * @param path     the raw path below the simulator's mount ({@code /v1/videos/abc}), whatever prefix it is mounted under
 * @param rawQuery the raw query string, empty when there is none
 * @param headers  the request headers
 * @param body     the request body (empty for none); do not modify
 */
public record SimRequest(String method, String path, String rawQuery, HeaderMap headers, byte[] body) {

    public SimRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    public Option<String> header(String name) {
        return headers.first(name);
    }

    /** Query parameters, decoded; the first value wins when a name repeats. */
    public Map<String, String> query() {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The bearer token of {@code Authorization: Bearer …}, if the header has that form. */
    public Option<String> bearerToken() {
        return header("Authorization")
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim());
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + " " + headers + " (" + body.length + " bytes)";
    }
}
