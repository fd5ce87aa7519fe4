package io.imagine4j.http.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Capability;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.ApiOrigin;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.json.ApiJson;
import io.imagine4j.http.transport.JdkHttpClients;
import io.vavr.control.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the Feign client of a provider API, configured once for every adapter:
 * <ul>
 *   <li>the JDK {@link HttpClient} (through {@link JdkClient}): pooled connections, HTTP/2 over TLS,
 *       HTTP/1.1 in clear text, a connect timeout, and a read timeout that bounds the wait for an
 *       answer's headers and then, once more, for its whole body (a server that stalls mid-answer
 *       fails the call as {@code read_timeout}); a body larger than {@code maxResponseBytes} is refused as it arrives,
 *       never read whole;</li>
 *   <li>Jackson with {@link ApiJson}'s tolerant configuration (unknown fields ignored);</li>
 *   <li>no Feign retries ({@code Retryer.NEVER_RETRY}): retries belong to the core service, which
 *       knows a POST from a GET;</li>
 *   <li>the API key added by the transport only for requests to the base URL's origin; GET redirects
 *       followed by hand, the key dropped once a hop leaves the origin; https required unless the
 *       base URL is a loopback address;</li>
 *   <li>methods returning {@code ApiResponse<T>} see every status; methods returning {@code T} throw
 *       {@code HttpFailureException} with the classified failure;</li>
 *   <li>Feign logging through SLF4J (DEBUG) with credential headers redacted;</li>
 *   <li>any Feign {@link Capability} given, such as HTTP client meters from the
 *       {@code imagine4j-micrometer} module ({@code HttpClientMeters.capability(registry)}); the kit
 *       itself knows no metrics library.</li>
 * </ul>
 *
 * <pre>{@code
 * URI base = URI.create("https://api.x.ai/v1");
 * XaiApi api = ApiClients.builder(base)
 *         .credentials(ApiCredentials.bearer(base, ApiKey.fromEnvironment("XAI_API_KEY")))
 *         .errorClassifier(ErrorClassifier.forProvider("xAI"))
 *         .capability(HttpClientMeters.capability(registry))   // imagine4j-micrometer
 *         .build(XaiApi.class);
 * }</pre>
 */
public final class ApiClients {

    private ApiClients() {
    }

    /**
     * Starts a client for the API at {@code baseUrl} (its path prefixes every method's path).
     *
     * @throws io.imagine4j.http.auth.InsecureBaseUrlException when {@code baseUrl} is plain http to a
     *                                                         non-loopback host
     */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** Configures and builds API clients; one builder's clients share a connection pool. */
    public static final class Builder {
        private final URI baseUrl;
        private final ApiOrigin origin;
        private Option<ApiCredentials> credentials = Option.none();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private int maxResponseBytes = 8 * 1024 * 1024;
        private int maxRedirects = 5;
        private Logger.Level logLevel = Logger.Level.BASIC;
        private final List<Capability> capabilities = new ArrayList<>();
        private ErrorClassifier classifier;
        private ObjectMapper mapper = ApiJson.mapper();
        private HttpClient http;

        private Builder(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            this.origin = ApiOrigin.ofBaseUrl(baseUrl);
            String text = baseUrl.toString();
            this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }

        /** The API key and how to send it; must be for the base URL's origin. */
        public Builder credentials(ApiCredentials value) {
            Objects.requireNonNull(value, "value");
            if (!value.origin().equals(origin)) {
                throw new IllegalArgumentException("The credentials are for " + value.origin()
                        + " but the base URL is on " + origin + "; the key would never be sent.");
            }
            this.credentials = Option.some(value);
            return this;
        }

        /** How long to wait for a connection (default 10 s). */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** How long to wait for an answer's headers once the request is sent, and then for its whole body (default 60 s each). */
        public Builder readTimeout(Duration value) {
            this.readTimeout = positive(value, "readTimeout");
            return this;
        }

        /** The largest answer body read into memory (default 8 MiB); a larger one fails the call, unread beyond the limit. */
        public Builder maxResponseBytes(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive, got " + value);
            }
            this.maxResponseBytes = value;
            return this;
        }

        /** How many redirects of a GET to follow (default 5; 0 returns the redirect answer itself). */
        public Builder maxRedirects(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRedirects must not be negative, got " + value);
            }
            this.maxRedirects = value;
            return this;
        }

        /** Feign's log level (default {@code BASIC}); lines go to SLF4J at DEBUG. */
        public Builder logLevel(Logger.Level value) {
            this.logLevel = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Adds a Feign capability to every client this builder makes (meters, tracing), after those
         * added before; none by default.
         *
         * <pre>{@code
         * ApiClients.builder(base).capability(HttpClientMeters.capability(registry)).build(XaiApi.class);
         * }</pre>
         */
        public Builder capability(Capability value) {
            this.capabilities.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** How error answers of plain-typed methods are classified (default: the standard mapping, named after the host). */
        public Builder errorClassifier(ErrorClassifier value) {
            this.classifier = Objects.requireNonNull(value, "value");
            return this;
        }

        /** The Jackson mapper for bodies (default {@link ApiJson#mapper()}). */
        public Builder objectMapper(ObjectMapper value) {
            this.mapper = Objects.requireNonNull(value, "value");
            return this;
        }

        /** A client for {@code api}, a Feign-annotated interface. */
        public <T> T build(Class<T> api) {
            Objects.requireNonNull(api, "api");
            if (http == null || !http.connectTimeout().equals(java.util.Optional.of(connectTimeout))) {
                http = JdkHttpClients.create(connectTimeout, JdkHttpClients.versionFor(baseUrl));
            }
            ErrorClassifier chosen = classifier != null ? classifier : ErrorClassifier.forProvider(origin.host());
            ErrorClassifier errors = credentials.map(chosen::withCredentials).getOrElse(chosen);
            Feign.Builder feign = Feign.builder()
                    .client(new OriginBoundClient(new JdkClient(http, maxResponseBytes), credentials, maxRedirects))
                    .options(new Request.Options(connectTimeout, readTimeout, false))
                    .retryer(Retryer.NEVER_RETRY)
                    .encoder(new JacksonEncoder(mapper))
                    .decoder(new JacksonDecoder(mapper))
                    .errorDecoder(new ClassifyingErrorDecoder(errors, maxResponseBytes))
                    .responseInterceptor(new ApiResponseInterceptor(mapper, maxResponseBytes))
                    .logger(new RedactingLogger(api))
                    .logLevel(logLevel);
            capabilities.forEach(feign::addCapability);
            return feign.target(api, baseUrl.toString());
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
