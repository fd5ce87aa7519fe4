package io.imagine4j.http.auth;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An API key bound to the one origin it may be sent to, and the header style it travels in. Every
 * HTTP path of imagine4j asks {@link #headersFor} for each request it sends, including each
 * redirect hop, so the key reaches the configured API origin and nothing else: not a redirect
 * target on another host, not a result URL.
 *
 * <pre>{@code
 * ApiCredentials credentials = ApiCredentials.bearer(URI.create("https://api.x.ai/v1"), ApiKey.fromEnvironment("XAI_API_KEY"));
 * credentials.headersFor(URI.create("https://api.x.ai/v1/videos/abc"));   // {Authorization=Bearer …}
 * credentials.headersFor(URI.create("https://cdn.example.com/v.mp4"));    // {}
 * }</pre>
 */
public final class ApiCredentials {

    /** Headers that carry credentials of some kind; imagine4j owns them and drops them off-origin. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of(
            "authorization", "proxy-authorization", "api-key", "x-api-key", "cookie");

    private final ApiOrigin origin;
    private final AuthScheme scheme;
    private final ApiKey key;

    private ApiCredentials(ApiOrigin origin, AuthScheme scheme, ApiKey key) {
        this.origin = origin;
        this.scheme = scheme;
        this.key = key;
    }

    /**
     * {@code key} for the origin of {@code baseUrl}, sent as {@code scheme} says.
     *
     * @throws InsecureBaseUrlException when {@code baseUrl} is plain http to a non-loopback host
     */
    public static ApiCredentials of(URI baseUrl, AuthScheme scheme, ApiKey key) {
        return new ApiCredentials(ApiOrigin.ofBaseUrl(baseUrl), Objects.requireNonNull(scheme, "scheme"),
                Objects.requireNonNull(key, "key"));
    }

    /** {@code Authorization: Bearer <key>} for the origin of {@code baseUrl}. */
    public static ApiCredentials bearer(URI baseUrl, ApiKey key) {
        return of(baseUrl, AuthScheme.BEARER, key);
    }

    /** Azure's {@code api-key: <key>} for the origin of {@code baseUrl}. */
    public static ApiCredentials apiKeyHeader(URI baseUrl, ApiKey key) {
        return of(baseUrl, AuthScheme.API_KEY_HEADER, key);
    }

    /** The credential header for a request to {@code target}: present only when it is on {@link #origin()}. */
    public Map<String, String> headersFor(URI target) {
        return origin.contains(target) ? Map.of(scheme.headerName(), scheme.headerValue(key)) : Map.of();
    }

    /**
     * {@code text} with every occurrence of this key replaced by {@code [redacted]}: for text from
     * outside (an error body) that might echo it back.
     */
    public String redactFrom(String text) {
        String secret = key.reveal();
        return text == null || secret.length() < 4 ? text : text.replace(secret, "[redacted]");
    }

    public ApiOrigin origin() {
        return origin;
    }

    public AuthScheme scheme() {
        return scheme;
    }

    /** Whether {@code headerName} carries credentials ({@code Authorization}, {@code api-key}, {@code Cookie}…). */
    public static boolean isCredentialHeader(String headerName) {
        return headerName != null && CREDENTIAL_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "ApiCredentials[" + scheme.headerName() + " (redacted) for " + origin + "]";
    }
}
