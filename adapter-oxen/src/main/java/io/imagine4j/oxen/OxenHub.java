package io.imagine4j.oxen;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.RequestRule;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.ApiKey;
import io.imagine4j.http.call.ApiCall;
import io.imagine4j.http.call.SubmitCall;
import io.imagine4j.http.client.ApiClients;
import io.imagine4j.http.client.HttpClientCapability;
import io.imagine4j.http.download.DownloadSettings;
import io.imagine4j.http.download.ResultDownloader;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.error.ErrorRule;
import io.imagine4j.http.json.ApiJson;
import io.imagine4j.http.sse.EventStream;
import io.imagine4j.http.sse.EventStreamSettings;
import io.imagine4j.oxen.wire.OxenApi;
import io.vavr.control.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the Oxen hub provider, in one line for the usual case.
 *
 * <pre>{@code
 * OxenVideoProvider oxen = OxenHub.fromEnvironment();   // OXEN_API_KEY; optional OXEN_BASE_URL, OXEN_UPLOAD_REPOSITORY
 * OxenVideoProvider sim  = OxenHub.builder().apiKey("any").baseUrl(simulator.baseUrl())
 *         .uploadsTo(OxenRepository.of("me", "inputs")).build();
 * }</pre>
 *
 * <p>Local inputs (files, bytes) are uploaded to a repository of yours before the enqueue, since
 * Oxen's models fetch inputs by URL; without one, local inputs are refused by the capability check
 * and inputs must be public URLs or previous results.
 */
public final class OxenHub {

    /** The variable that holds the API key. */
    public static final String API_KEY_VARIABLE = "OXEN_API_KEY";
    /** The variable that may override the base URL. */
    public static final String BASE_URL_VARIABLE = "OXEN_BASE_URL";
    /** The variable that may name the repository local inputs are uploaded to: {@code namespace/repo[/branch]}. */
    public static final String UPLOAD_REPOSITORY_VARIABLE = "OXEN_UPLOAD_REPOSITORY";
    public static final URI DEFAULT_BASE_URL = URI.create("https://hub.oxen.ai/api");

    private OxenHub() {
    }

    /**
     * A provider with the key from {@value #API_KEY_VARIABLE}, and the base URL and upload repository
     * from {@value #BASE_URL_VARIABLE} and {@value #UPLOAD_REPOSITORY_VARIABLE} when set.
     */
    public static OxenVideoProvider fromEnvironment() {
        return builder().fromEnvironment(System::getenv).build();
    }

    /** A provider on the public hub with {@code apiKey}. */
    public static OxenVideoProvider withApiKey(String apiKey) {
        return builder().apiKey(apiKey).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OxenVideoProvider}. */
    public static final class Builder {
        private final java.util.List<HttpClientCapability> httpCapabilities = new java.util.ArrayList<>();
        private ApiKey apiKey;
        private URI baseUrl = DEFAULT_BASE_URL;
        private Option<OxenRepository> uploads = Option.none();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private int maxResponseBytes = 8 * 1024 * 1024;
        private Duration synchronousTimeout = Duration.ofMinutes(16);
        private Duration uploadTimeout = Duration.ofMinutes(10);
        private Path resultsDirectory = Path.of(System.getProperty("java.io.tmpdir"), "imagine4j-oxen");
        private boolean push = true;
        private EventStreamSettings events = EventStreamSettings.defaults();
        private DownloadSettings downloads = DownloadSettings.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder apiKey(String key) {
            return apiKey(ApiKey.of(key));
        }

        public Builder apiKey(ApiKey key) {
            apiKey = Objects.requireNonNull(key, "apiKey");
            return this;
        }

        /**
         * Reads the key and, when set, the base URL and the upload repository from {@code environment}
         * (a name-to-value lookup).
         */
        public Builder fromEnvironment(Function<String, String> environment) {
            apiKey = ApiKey.fromEnvironment(API_KEY_VARIABLE, environment);
            String url = environment.apply(BASE_URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                baseUrl(URI.create(url.trim()));
            }
            String repository = environment.apply(UPLOAD_REPOSITORY_VARIABLE);
            if (repository != null && !repository.isBlank()) {
                uploadsTo(OxenRepository.parse(repository));
            }
            return this;
        }

        /** The hub's API base URL, {@code https://hub.oxen.ai/api} by default; http only for loopback (simulators). */
        public Builder baseUrl(URI url) {
            baseUrl = Objects.requireNonNull(url, "baseUrl");
            return this;
        }

        public Builder baseUrl(String url) {
            return baseUrl(URI.create(url));
        }

        /** Where local inputs are uploaded (a public repository: models fetch inputs without your key). */
        public Builder uploadsTo(OxenRepository repository) {
            uploads = Option.some(Objects.requireNonNull(repository, "repository"));
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** How long to wait for the answer of a queue, model or history call (60 s by default). */
        public Builder readTimeout(Duration value) {
            readTimeout = positive(value, "readTimeout");
            return this;
        }

        /** How long the synchronous generate may take to answer (16 min by default: Oxen documents up to 15). */
        /**
         * The largest API answer read into memory (8 MiB by default, room for a model list with its
         * request schemas): a larger one fails its call as a {@code PROTOCOL} failure, unread beyond
         * the limit. Result videos are streamed to disk and never count.
         */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive, got " + bytes);
            }
            maxResponseBytes = bytes;
            return this;
        }

        public Builder synchronousTimeout(Duration value) {
            synchronousTimeout = positive(value, "synchronousTimeout");
            return this;
        }

        /** How long an upload of a local input may take (10 min by default). */
        public Builder uploadTimeout(Duration value) {
            uploadTimeout = positive(value, "uploadTimeout");
            return this;
        }

        /** Where videos answered inline by the synchronous generate ({@code b64_json}) are written. */
        public Builder resultsDirectory(Path directory) {
            resultsDirectory = Objects.requireNonNull(directory, "resultsDirectory");
            return this;
        }

        /** Whether jobs end by completion events (true by default); without, they are polled. */
        public Builder push(boolean enabled) {
            push = enabled;
            return this;
        }

        /** How the event stream connects, decides it died (45 s without a keep-alive by default) and reconnects. */
        public Builder eventStream(EventStreamSettings settings) {
            events = Objects.requireNonNull(settings, "eventStream");
            return this;
        }

        public Builder downloads(DownloadSettings value) {
            downloads = Objects.requireNonNull(value, "downloads");
            return this;
        }

        /** The clock that dates the prices read from the hub. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Adds a capability to the HTTP client of the JSON calls, after those added before: HTTP client
         * meters from the {@code imagine4j-micrometer} module (URI templates as tags, never ids), or tracing.
         *
         * <pre>{@code
         * OxenHub.builder().httpCapability(HttpClientMeters.on(registry)).build();
         * }</pre>
         */
        public Builder httpCapability(HttpClientCapability capability) {
            httpCapabilities.add(Objects.requireNonNull(capability, "capability"));
            return this;
        }

        public OxenVideoProvider build() {
            if (apiKey == null) {
                apiKey = ApiKey.fromEnvironment(API_KEY_VARIABLE);
            }
            ApiCredentials credentials = ApiCredentials.bearer(baseUrl, apiKey);
            ErrorClassifier errors = ErrorClassifier.forProvider("Oxen").withCredentials(credentials)
                    .withRule(ErrorRule.code("content_moderated", FailureKind.MODERATION))
                    .withRule(ErrorRule.code("insufficient_credits", FailureKind.QUOTA));
            ApiClients.Builder clients = ApiClients.builder(baseUrl).credentials(credentials).errorClassifier(errors)
                    .connectTimeout(connectTimeout).readTimeout(readTimeout).maxResponseBytes(maxResponseBytes);
            httpCapabilities.forEach(capability -> clients.capability(capability.feignCapability()));
            OxenApi api = clients.build(OxenApi.class);
            ApiCall calls = ApiCall.with(errors);
            ModelSchemas schemas = new ModelSchemas(api, calls);
            Option<RepositoryUploads> uploader = uploads.map(repository ->
                    new RepositoryUploads(baseUrl, repository, credentials, errors, connectTimeout, uploadTimeout));
            List<RequestRule> rules = List.of(new RequestSchemaRule(schemas), new SynchronousRule());
            Option<OxenEventSource> source = push ? Option.some(new OxenEventSource(() ->
                    EventStream.builder(URI.create(trimmed(baseUrl) + "/events")).credentials(credentials)
                            .classifier(errors).settings(events))) : Option.none();
            return new OxenVideoProvider(api, OxenCapabilities.of(uploads.isDefined(), push, rules), errors,
                    ResultDownloader.create(downloads, errors), uploader,
                    new OxenModels(api, calls, schemas, uploads.isDefined(), clock),
                    new SynchronousGeneration(baseUrl, credentials, SubmitCall.with(errors), ApiJson.mapper(), connectTimeout,
                            synchronousTimeout, resultsDirectory),
                    source);
        }

        private static String trimmed(URI url) {
            String text = url.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
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
