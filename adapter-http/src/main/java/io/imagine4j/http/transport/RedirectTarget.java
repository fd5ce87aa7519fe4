package io.imagine4j.http.transport;

import io.vavr.control.Option;

import java.net.URI;
import java.util.Set;

/**
 * Where a redirect answer points, when it may be followed: a 301, 302, 303, 307 or 308 with a
 * {@code Location}, resolved against the URL that answered, and never from https down to http.
 *
 * <pre>{@code
 * Option<URI> next = RedirectTarget.of(url, response.statusCode(), response.headers().firstValue("Location"));
 * }</pre>
 */
public final class RedirectTarget {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private RedirectTarget() {
    }

    /** Whether {@code status} is a redirect this library follows. */
    public static boolean isRedirect(int status) {
        return REDIRECTS.contains(status);
    }

    /** The next URL, or none when the answer is no followable redirect. */
    public static Option<URI> of(URI current, int status, java.util.Optional<String> location) {
        if (!isRedirect(status) || location.isEmpty() || location.get().isBlank()) {
            return Option.none();
        }
        URI next;
        try {
            next = current.resolve(location.get().strip());
        } catch (IllegalArgumentException badLocation) {
            return Option.none();
        }
        String scheme = next.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            return Option.none();
        }
        if ("https".equalsIgnoreCase(current.getScheme()) && scheme.equalsIgnoreCase("http")) {
            return Option.none(); // a downgrade would expose the request, and the answer, in clear text
        }
        return Option.some(next);
    }
}
