package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.ApiKey;
import io.imagine4j.http.client.ApiClients;
import io.imagine4j.http.client.HttpClientCapability;
import io.imagine4j.http.download.DownloadSettings;
import io.imagine4j.http.download.ResultDownloader;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.error.ErrorRule;
import io.imagine4j.xai.wire.XaiApi;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the xAI video provider, in one line for the usual case.
 *
 * <pre>{@code
 * VideoProvider xai = XaiVideo.fromEnvironment();                       // XAI_API_KEY, optional XAI_BASE_URL
 * VideoProvider sim = XaiVideo.builder().apiKey("any").baseUrl(simulator.baseUrl()).build();
 * }</pre>
 *
 * <p>Local images and videos are sent inline as {@code data:} URIs, up to
 * {@link Builder#maxInlineImageBytes} and {@link Builder#maxInlineVideoBytes}; larger inputs are
 * refused before any call, with a message that asks for a public URL instead.
 */
public final class XaiVideo {

    /** The variable that holds the API key. */
    public static final String API_KEY_VARIABLE = "XAI_API_KEY";
    /** The variable that may override the base URL. */
    public static final String BASE_URL_VARIABLE = "XAI_BASE_URL";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.x.ai/v1");

    private XaiVideo() {
    }

    /** A provider with the key from {@value #API_KEY_VARIABLE} and the base URL from {@value #BASE_URL_VARIABLE}, if set. */
    public static XaiVideoProvider fromEnvironment() {
        return builder().fromEnvironment(System::getenv).build();
    }

    /** A provider on the public API with {@code apiKey}. */
    public static XaiVideoProvider withApiKey(String apiKey) {
        return builder().apiKey(apiKey).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link XaiVideoProvider}. */
    public static final class Builder {
        private ApiKey apiKey;
        private URI baseUrl = DEFAULT_BASE_URL;
        private long maxInlineImageBytes = 10L * 1024 * 1024;
        private long maxInlineVideoBytes = 32L * 1024 * 1024;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private int maxResponseBytes = 8 * 1024 * 1024;
        private DownloadSettings downloads = DownloadSettings.defaults();
        private final List<HttpClientCapability> httpCapabilities = new ArrayList<>();

        private Builder() {
        }

        public Builder apiKey(String key) {
            return apiKey(ApiKey.of(key));
        }

        public Builder apiKey(ApiKey key) {
            apiKey = Objects.requireNonNull(key, "apiKey");
            return this;
        }

        /** Reads the key and, when set, the base URL from {@code environment} (a name-to-value lookup). */
        public Builder fromEnvironment(Function<String, String> environment) {
            apiKey = ApiKey.fromEnvironment(API_KEY_VARIABLE, environment);
            String url = environment.apply(BASE_URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                baseUrl(URI.create(url.trim()));
            }
            return this;
        }

        /** The API's base URL, {@code https://api.x.ai/v1} by default; http only for loopback (simulators). */
        public Builder baseUrl(URI url) {
            baseUrl = Objects.requireNonNull(url, "baseUrl");
            return this;
        }

        public Builder baseUrl(String url) {
            return baseUrl(URI.create(url));
        }

        /** The largest local image sent inline (10 MiB by default). */
        public Builder maxInlineImageBytes(long bytes) {
            maxInlineImageBytes = positive(bytes);
            return this;
        }

        /** The largest local video sent inline (32 MiB by default); larger ones need a public URL. */
        public Builder maxInlineVideoBytes(long bytes) {
            maxInlineVideoBytes = positive(bytes);
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /** How long to wait for an answer's headers (60 s by default). */
        public Builder readTimeout(Duration value) {
            readTimeout = Objects.requireNonNull(value, "readTimeout");
            return this;
        }

        /**
         * The largest API answer read into memory (8 MiB by default; xAI's answers are a few hundred
         * bytes): a larger one fails its call as a {@code PROTOCOL} failure, unread beyond the limit.
         * Result videos are streamed to disk and never count.
         */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive, got " + bytes);
            }
            maxResponseBytes = bytes;
            return this;
        }

        public Builder downloads(DownloadSettings value) {
            downloads = Objects.requireNonNull(value, "downloads");
            return this;
        }

        /**
         * Adds a capability to the HTTP client, after those added before: HTTP client meters from the
         * {@code imagine4j-micrometer} module (URI templates as tags, never ids), or tracing.
         *
         * <pre>{@code
         * XaiVideo.builder().httpCapability(HttpClientMeters.on(registry)).build();
         * }</pre>
         */
        public Builder httpCapability(HttpClientCapability capability) {
            httpCapabilities.add(Objects.requireNonNull(capability, "capability"));
            return this;
        }

        public XaiVideoProvider build() {
            if (apiKey == null) {
                apiKey = ApiKey.fromEnvironment(API_KEY_VARIABLE);
            }
            ApiCredentials credentials = ApiCredentials.bearer(baseUrl, apiKey);
            ErrorClassifier errors = ErrorClassifier.forProvider("xAI").withCredentials(credentials)
                    .withRule(ErrorRule.code(XaiPolls.MODERATED, FailureKind.MODERATION))
                    .withRule(ErrorRule.messageContains(400, "Incorrect API key", FailureKind.AUTHENTICATION));
            ApiClients.Builder clients = ApiClients.builder(baseUrl).credentials(credentials).errorClassifier(errors)
                    .connectTimeout(connectTimeout).readTimeout(readTimeout).maxResponseBytes(maxResponseBytes);
            httpCapabilities.forEach(capability -> clients.capability(capability.feignCapability()));
            return new XaiVideoProvider(clients.build(XaiApi.class),
                    XaiCapabilities.of(maxInlineImageBytes, maxInlineVideoBytes), errors,
                    ResultDownloader.create(downloads, errors), maxInlineVideoBytes);
        }

        private static long positive(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("an inline limit must be positive, got " + bytes);
            }
            return bytes;
        }
    }
}
