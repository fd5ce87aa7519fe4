package io.imagine4j.oxen;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.RequestRule;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.call.ApiCall;
import io.imagine4j.http.call.SubmitCall;
import io.imagine4j.http.client.HttpAdapterBuilder;
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
    public static final class Builder extends HttpAdapterBuilder<Builder> {
        private Option<OxenRepository> uploads = Option.none();
        private Duration synchronousTimeout = Duration.ofMinutes(16);
        private Duration uploadTimeout = Duration.ofMinutes(10);
        private Path resultsDirectory = Path.of(System.getProperty("java.io.tmpdir"), "imagine4j-oxen");
        private boolean push = true;
        private EventStreamSettings events = EventStreamSettings.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder() {
            super(DEFAULT_BASE_URL, API_KEY_VARIABLE, BASE_URL_VARIABLE);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Reads the key and, when set, the base URL and the upload repository from {@code environment}
         * (a name-to-value lookup).
         */
        @Override
        public Builder fromEnvironment(Function<String, String> environment) {
            super.fromEnvironment(environment);
            String repository = environment.apply(UPLOAD_REPOSITORY_VARIABLE);
            if (repository != null && !repository.isBlank()) {
                uploadsTo(OxenRepository.parse(repository));
            }
            return this;
        }

        /** Where local inputs are uploaded (a public repository: models fetch inputs without your key). */
        public Builder uploadsTo(OxenRepository repository) {
            uploads = Option.some(Objects.requireNonNull(repository, "repository"));
            return this;
        }

        /** How long the synchronous generate may take to answer (16 min by default: Oxen documents up to 15). */
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

        /** The clock that dates the prices read from the hub. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public OxenVideoProvider build() {
            URI baseUrl = baseUrl();
            ApiCredentials credentials = ApiCredentials.bearer(baseUrl, apiKeyOrEnvironment());
            ErrorClassifier errors = ErrorClassifier.forProvider("Oxen").withCredentials(credentials)
                    .withRule(ErrorRule.code("content_moderated", FailureKind.MODERATION))
                    .withRule(ErrorRule.code("insufficient_credits", FailureKind.QUOTA));
            OxenApi api = clients(credentials, errors).build(OxenApi.class);
            ApiCall calls = ApiCall.with(errors);
            ModelSchemas schemas = new ModelSchemas(api, calls);
            Option<RepositoryUploads> uploader = uploads.map(repository ->
                    new RepositoryUploads(baseUrl, repository, credentials, errors, connectTimeout(), uploadTimeout));
            List<RequestRule> rules = List.of(new RequestSchemaRule(schemas), new SynchronousRule());
            Option<OxenEventSource> source = push ? Option.some(new OxenEventSource(() ->
                    EventStream.builder(URI.create(trimmed(baseUrl) + "/events")).credentials(credentials)
                            .classifier(errors).settings(events))) : Option.none();
            return new OxenVideoProvider(api, OxenCapabilities.of(uploads.isDefined(), push, rules), errors,
                    ResultDownloader.create(downloads(), errors), uploader,
                    new OxenModels(api, calls, schemas, uploads.isDefined(), clock),
                    new SynchronousGeneration(baseUrl, credentials, SubmitCall.with(errors), ApiJson.mapper(), connectTimeout(),
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
