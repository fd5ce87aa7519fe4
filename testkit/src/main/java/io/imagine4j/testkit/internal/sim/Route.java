package io.imagine4j.testkit.internal.sim;

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
 * matches one non-empty path segment; a last segment {@code {name...}} matches the rest of the
 * path, one segment or more, as for a file path in a repository), the {@link Call} kind it
 * counts as, and who may call it.
 *
 * <pre>{@code
 * new Route("GET", "/api/repos/{namespace}/{repo}/file/{resource...}", Call.CONTENT, Access.PUBLIC, handler)
 *         .match("/api/repos/ox/cows/file/main/clips/moo.mp4");   // resource = "main/clips/moo.mp4"
 * }</pre>
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
        List<String> segments = segments(pattern);
        for (int i = 0; i < segments.size() - 1; i++) {
            if (isRest(segments.get(i))) {
                throw new IllegalArgumentException("only the last segment of a route pattern may be {name...}: " + pattern);
            }
        }
    }

    /** The decoded path parameters when {@code path} fits this pattern (method aside). */
    public Option<Map<String, String>> match(String path) {
        List<String> want = segments(pattern);
        List<String> got = segments(path);
        boolean rest = isRest(want.get(want.size() - 1));
        if (rest ? got.size() < want.size() : want.size() != got.size()) {
            return Option.none();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.size(); i++) {
            String expected = want.get(i);
            String actual = got.get(i);
            if (rest && i == want.size() - 1) {
                List<String> tail = got.subList(i, got.size());
                if (tail.stream().anyMatch(String::isEmpty)) {
                    return Option.none();
                }
                params.put(expected.substring(1, expected.length() - 4),
                        String.join("/", tail.stream().map(Route::decode).toList()));
            } else if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return Option.none();
                }
                params.put(expected.substring(1, expected.length() - 1), decode(actual));
            } else if (!expected.equals(actual)) {
                return Option.none();
            }
        }
        return Option.some(params);
    }

    private static boolean isRest(String segment) {
        return segment.startsWith("{") && segment.endsWith("...}");
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static List<String> segments(String path) {
        return List.of(path.substring(1).split("/", -1));
    }
}
