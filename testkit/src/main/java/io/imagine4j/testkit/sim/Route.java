package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.scenario.Call;
import io.vavr.control.Option;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One endpoint: method, path pattern ({@code /v1/videos/{request_id}}: a {@code {name}} segment
 * matches one non-empty path segment), the {@link Call} kind it counts as, and who may call it.
 */
public record Route(String method, String pattern, Call call, Access access, CallHandler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route pattern starts with '/': " + pattern);
        }
    }

    /** The decoded path parameters when {@code path} fits this pattern (method aside). */
    public Option<Map<String, String>> match(String path) {
        List<String> want = segments(pattern);
        List<String> got = segments(path);
        if (want.size() != got.size()) {
            return Option.none();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.size(); i++) {
            String expected = want.get(i);
            String actual = got.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return Option.none();
                }
                params.put(expected.substring(1, expected.length() - 1), URLDecoder.decode(actual.replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!expected.equals(actual)) {
                return Option.none();
            }
        }
        return Option.some(params);
    }

    private static List<String> segments(String path) {
        return List.of(path.substring(1).split("/", -1));
    }
}
