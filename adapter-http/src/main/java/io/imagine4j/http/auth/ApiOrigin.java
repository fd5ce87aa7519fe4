package io.imagine4j.http.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Scheme, host and port of a URL: the unit a credential belongs to. Two URLs share an origin when
 * all three match, with default ports filled in ({@code https://api.x.ai} is
 * {@code https://api.x.ai:443}); a different port, scheme or host is another origin.
 *
 * <pre>{@code
 * ApiOrigin api = ApiOrigin.ofBaseUrl(URI.create("https://api.x.ai/v1"));
 * api.contains(URI.create("https://api.x.ai/v1/videos/abc"));       // true
 * api.contains(URI.create("https://vidgen.x.ai/result.mp4"));       // false: no key goes there
 * }</pre>
 */
public record ApiOrigin(String scheme, String host, int port) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public ApiOrigin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The origin of an absolute http(s) URL. */
    public static ApiOrigin of(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("Expected an absolute http or https URL, got '" + withoutQuery(url) + "'");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("The URL '" + withoutQuery(url) + "' has no host.");
        }
        int port = url.getPort() != -1 ? url.getPort() : scheme.equalsIgnoreCase("https") ? 443 : 80;
        return new ApiOrigin(scheme, url.getHost(), port);
    }

    /**
     * The origin of an API base URL, which will receive the API key: it must be https, except on a
     * loopback address (simulators and tests).
     *
     * @throws InsecureBaseUrlException for plain http to any other host
     */
    public static ApiOrigin ofBaseUrl(URI baseUrl) {
        ApiOrigin origin;
        try {
            origin = of(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new InsecureBaseUrlException("The API base URL is not usable: " + e.getMessage());
        }
        if (!origin.isSecure() && !origin.isLoopback()) {
            throw new InsecureBaseUrlException("The API base URL " + withoutQuery(baseUrl) + " must use https, because"
                    + " the API key travels with every call. Plain http is allowed only on loopback addresses"
                    + " (localhost, 127.0.0.1, ::1), for local simulators.");
        }
        return origin;
    }

    /** Whether {@code url} belongs to this origin. */
    public boolean contains(URI url) {
        try {
            return equals(of(url));
        } catch (IllegalArgumentException notHttp) {
            return false;
        }
    }

    public boolean isSecure() {
        return scheme.equals("https");
    }

    /**
     * Whether the host is a loopback address: {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}.
     * Decided from the text alone, without a DNS lookup.
     */
    public boolean isLoopback() {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("localhost")) {
            return true;
        }
        if (IPV4.matcher(bare).matches() || bare.contains(":")) {
            try {
                return InetAddress.getByName(bare).isLoopbackAddress(); // a literal: no lookup
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** {@code https://api.x.ai} (default ports left out). */
    @Override
    public String toString() {
        boolean defaultPort = (isSecure() && port == 443) || (!isSecure() && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** A URL fit for a message: its query (where signed URLs keep their signature) left out. */
    public static String withoutQuery(URI url) {
        String text = url.toString();
        int cut = text.indexOf('?');
        return cut < 0 ? text : text.substring(0, cut) + "?…";
    }
}
