package io.imagine4j.http.download;

import io.vavr.control.Option;

import java.net.URI;
import java.util.Locale;

/**
 * A result URL as a provider's answer gives it, accepted only when a download can fetch it: an
 * absolute {@code http} or {@code https} URL with a host. Anything else ({@code file:},
 * {@code jar:}, {@code javascript:}, a relative path, text that is no URL) is a broken answer, not
 * a finished video: an adapter reports it as a {@code PROTOCOL} failure of the poll, so a job is
 * never marked done with a result it could not fetch, nor pointed at a local file.
 *
 * <pre>{@code
 * Option<URI> location = ResultLocation.parse(answer.url());   // none for "file:///etc/passwd"
 * }</pre>
 */
public final class ResultLocation {

    private ResultLocation() {
    }

    /** The URL in {@code text} (trimmed), when it is an absolute http(s) URL with a host. */
    public static Option<URI> parse(String text) {
        if (text == null || text.isBlank()) {
            return Option.none();
        }
        URI location;
        try {
            location = URI.create(text.strip());
        } catch (IllegalArgumentException notAUrl) {
            return Option.none();
        }
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("http") || scheme.equals("https");
        return web && location.getHost() != null && !location.getHost().isBlank() ? Option.some(location) : Option.none();
    }
}
