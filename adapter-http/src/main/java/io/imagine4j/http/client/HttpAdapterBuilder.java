package io.imagine4j.http.client;

import io.imagine4j.http.auth.ApiKey;
import io.imagine4j.http.download.DownloadSettings;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the builder of every HTTP provider adapter takes: the API key, the base URL, the timeouts,
 * the download settings and HTTP client capabilities (meters, tracing), each read from the
 * environment where the adapter names a variable for it. An adapter's builder extends it and adds
 * its own settings, so the three adapters are configured alike.
 *
 * <pre>{@code
 * public static final class Builder extends HttpAdapterBuilder<Builder> {
 *     private Builder() { super(URI.create("https://api.example.com/v1"), "EXAMPLE_API_KEY", "EXAMPLE_BASE_URL"); }
 *     protected Builder self() { return this; }
 *     public ExampleProvider build() {
 *         ApiCredentials credentials = ApiCredentials.bearer(baseUrl(), apiKeyOrEnvironment());
 *         ExampleApi api = clients(credentials, errors).build(ExampleApi.class);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * @param <B> the adapter's own builder
 */
public abstract class HttpAdapterBuilder<B extends HttpAdapterBuilder<B>> {

    private final String apiKeyVariable;
    private final String baseUrlVariable;
    private final List<HttpClientCapability> capabilities = new ArrayList<>();
    private ApiKey apiKey;
    private URI baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private int maxResponseBytes = 8 * 1024 * 1024;
    private DownloadSettings downloads = DownloadSettings.defaults();

    /**
     * @param defaultBaseUrl  the provider's public API
     * @param apiKeyVariable  the environment variable that holds the key
     * @param baseUrlVariable the environment variable that may override the base URL
     */
    protected HttpAdapterBuilder(URI defaultBaseUrl, String apiKeyVariable, String baseUrlVariable) {
        this.baseUrl = Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
        this.apiKeyVariable = Objects.requireNonNull(apiKeyVariable, "apiKeyVariable");
        this.baseUrlVariable = Objects.requireNonNull(baseUrlVariable, "baseUrlVariable");
    }

    /** This builder, as the adapter's own type. */
    protected abstract B self();

    public B apiKey(String key) {
        return apiKey(ApiKey.of(key));
    }

    public B apiKey(ApiKey key) {
        apiKey = Objects.requireNonNull(key, "apiKey");
        return self();
    }

    /**
     * Reads the key and, when set, the base URL from {@code environment} (a name-to-value lookup,
     * {@code System::getenv} in production). Adapters read their own variables too.
     */
    public B fromEnvironment(Function<String, String> environment) {
        apiKey = ApiKey.fromEnvironment(apiKeyVariable, environment);
        String url = environment.apply(baseUrlVariable);
        if (url != null && !url.isBlank()) {
            baseUrl(URI.create(url.trim()));
        }
        return self();
    }

    /** The API's base URL; https required unless it is a loopback address (a simulator). */
    public B baseUrl(URI url) {
        baseUrl = Objects.requireNonNull(url, "baseUrl");
        return self();
    }

    public B baseUrl(String url) {
        return baseUrl(URI.create(url));
    }

    /** How long to wait for a connection (10 s by default). */
    public B connectTimeout(Duration value) {
        connectTimeout = positive(value, "connectTimeout");
        return self();
    }

    /**
     * How long to wait for an API answer's headers once a request is sent, and then for its whole
     * body (60 s each by default): a server that stalls mid-answer fails the call as {@code read_timeout}. Result downloads have
     * their own timeouts ({@link #downloads}).
     */
    public B readTimeout(Duration value) {
        readTimeout = positive(value, "readTimeout");
        return self();
    }

    /**
     * The largest API answer read into memory (8 MiB by default: room for a model list with its
     * request schemas): a larger one fails its call as a {@code PROTOCOL} failure
     * ({@code response_too_large}), unread beyond the limit. Result videos are streamed to disk and
     * never count.
     */
    public B maxResponseBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, got " + bytes);
        }
        maxResponseBytes = bytes;
        return self();
    }

    /** How results are downloaded: size limit, buffer, timeouts. */
    public B downloads(DownloadSettings value) {
        downloads = Objects.requireNonNull(value, "downloads");
        return self();
    }

    /**
     * Adds a capability to the HTTP client of the JSON calls, after those added before: HTTP client
     * meters from the {@code imagine4j-micrometer} module (URI templates as tags, never ids), or tracing.
     *
     * <pre>{@code
     * XaiVideo.builder().httpCapability(HttpClientMeters.on(registry)).build();
     * }</pre>
     */
    public B httpCapability(HttpClientCapability capability) {
        capabilities.add(Objects.requireNonNull(capability, "capability"));
        return self();
    }

    /** The key given, else the one in the adapter's environment variable (which fails naming it when unset). */
    protected ApiKey apiKeyOrEnvironment() {
        return apiKey != null ? apiKey : ApiKey.fromEnvironment(apiKeyVariable);
    }

    protected URI baseUrl() {
        return baseUrl;
    }

    protected Duration connectTimeout() {
        return connectTimeout;
    }

    protected Duration readTimeout() {
        return readTimeout;
    }

    protected int maxResponseBytes() {
        return maxResponseBytes;
    }

    protected DownloadSettings downloads() {
        return downloads;
    }

    /** The API client builder on the base URL, with the credentials, the errors, the timeouts, the size limit and the capabilities. */
    protected ApiClients.Builder clients(io.imagine4j.http.auth.ApiCredentials credentials,
            io.imagine4j.http.error.ErrorClassifier errors) {
        ApiClients.Builder clients = ApiClients.builder(baseUrl).credentials(credentials).errorClassifier(errors)
                .connectTimeout(connectTimeout).readTimeout(readTimeout).maxResponseBytes(maxResponseBytes);
        capabilities.forEach(capability -> clients.capability(capability.feignCapability()));
        return clients;
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
