package io.imagine4j.http.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Builds the JDK {@link HttpClient}s imagine4j uses: connections are pooled and reused, redirects
 * are never followed by the JDK (imagine4j follows them itself, deciding per hop whether a
 * credential may go along), no cookies, no authenticator.
 *
 * <pre>{@code
 * HttpClient http = JdkHttpClients.create(Duration.ofSeconds(10));
 * HttpRequest request = HttpRequest.newBuilder(url).version(JdkHttpClients.versionFor(url)).build();
 * }</pre>
 */
public final class JdkHttpClients {

    private JdkHttpClients() {
    }

    /** A client with {@code connectTimeout}, HTTP/2 preferred, and redirects left to the caller. */
    public static HttpClient create(Duration connectTimeout) {
        return create(connectTimeout, HttpClient.Version.HTTP_2);
    }

    /** A client with {@code connectTimeout} speaking {@code version} by default, redirects left to the caller. */
    public static HttpClient create(Duration connectTimeout, HttpClient.Version version) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(version)
                .build();
    }

    /**
     * HTTP/2 over TLS (negotiated, falling back to 1.1), HTTP/1.1 in clear text: the JDK would
     * otherwise try an h2c upgrade that simulators and many proxies do not speak.
     */
    public static HttpClient.Version versionFor(URI url) {
        return "https".equalsIgnoreCase(url.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }
}
