package io.imagine4j.openai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.AuthScheme;
import io.imagine4j.http.client.HttpAdapterBuilder;
import io.imagine4j.http.download.ResultDownloader;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.error.ErrorRule;
import io.imagine4j.openai.wire.OpenAiApi;
import io.vavr.control.Option;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the provider of an OpenAI-compatible {@code /v1/videos} server, in one line for the usual case.
 *
 * <pre>{@code
 * VideoProvider openai = OpenAiVideos.fromEnvironment();                 // OPENAI_API_KEY, optional OPENAI_BASE_URL
 * VideoProvider sim    = OpenAiVideos.builder().apiKey("any").baseUrl(simulator.baseUrl()).build();
 * VideoProvider azure  = OpenAiVideos.builder()
 *         .baseUrl("https://my-resource.openai.azure.com/openai/v1")
 *         .apiKey(System.getenv("AZURE_OPENAI_API_KEY")).authScheme(AuthScheme.API_KEY_HEADER)
 *         .name("azure").build();
 * VideoProvider gateway = OpenAiVideos.builder().baseUrl("https://gateway.example.com/v1").apiKey(key)
 *         .otherModels(OpenAiModels.withDurations(OpenAiModels.sora2(), 4, 8, 12, 16))   // any model name it routes
 *         .header("X-Team", "video").build();
 * }</pre>
 *
 * <p>Submits go as {@code multipart/form-data} (files streamed from disk) unless
 * {@link Builder#encoding} says JSON. Input images must have the video's pixel size, which the
 * capability check verifies before anything is sent; {@link Builder#fitInputImages} lets the adapter
 * scale and pad them instead.
 */
public final class OpenAiVideos {

    /** The variable that holds the API key. */
    public static final String API_KEY_VARIABLE = "OPENAI_API_KEY";
    /** The variable that may override the base URL. */
    public static final String BASE_URL_VARIABLE = "OPENAI_BASE_URL";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.openai.com/v1");

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "content-type", "accept", "range");

    private OpenAiVideos() {
    }

    /** A provider with the key from {@value #API_KEY_VARIABLE} and the base URL from {@value #BASE_URL_VARIABLE}, if set. */
    public static OpenAiVideoProvider fromEnvironment() {
        return builder().fromEnvironment(System::getenv).build();
    }

    /** A provider on OpenAI's API with {@code apiKey}. */
    public static OpenAiVideoProvider withApiKey(String apiKey) {
        return builder().apiKey(apiKey).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OpenAiVideoProvider}. */
    public static final class Builder extends HttpAdapterBuilder<Builder> {
        private AuthScheme authScheme = AuthScheme.BEARER;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String name = OpenAiCapabilities.PROVIDER;
        private BodyEncoding encoding = BodyEncoding.MULTIPART;
        private boolean fitInputImages;
        private final Map<String, ModelCapabilities> models = new LinkedHashMap<>();
        private String defaultModel = OpenAiModels.SORA_2;
        private Option<ModelCapabilities> otherModels = Option.none();

        private Builder() {
            super(DEFAULT_BASE_URL, API_KEY_VARIABLE, BASE_URL_VARIABLE);
            models.put(OpenAiModels.SORA_2, OpenAiModels.sora2());
            models.put(OpenAiModels.SORA_2_PRO, OpenAiModels.sora2Pro());
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** How the key travels: {@code Authorization: Bearer} (default) or Azure's {@code api-key} header. */
        public Builder authScheme(AuthScheme scheme) {
            authScheme = Objects.requireNonNull(scheme, "authScheme");
            return this;
        }

        /**
         * A header sent with every API call and content download, only to the API's origin
         * ({@code OpenAI-Organization}, {@code OpenAI-Project}, a gateway's routing header).
         *
         * @throws IllegalArgumentException for a credential header (the key goes through {@link #apiKey}
         *                                  and {@link #authScheme}) or one the transport sets itself
         */
        public Builder header(String headerName, String value) {
            Objects.requireNonNull(headerName, "headerName");
            Objects.requireNonNull(value, "value");
            String lower = headerName.strip().toLowerCase(Locale.ROOT);
            if (ApiCredentials.isCredentialHeader(lower)) {
                throw new IllegalArgumentException("The header " + headerName + " carries credentials: set the key with"
                        + " apiKey(...) and authScheme(...), which keep it on the API's origin.");
            }
            if (TRANSPORT_HEADERS.contains(lower) || lower.isEmpty()) {
                throw new IllegalArgumentException("The header '" + headerName + "' is set by the transport itself.");
            }
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new IllegalArgumentException("The value of header " + headerName + " holds a line break.");
            }
            headers.put(headerName.strip(), value);
            return this;
        }

        /** The provider's name in job ids and prices ({@code openai} by default); give each server its own. */
        public Builder name(String value) {
            Objects.requireNonNull(value, "name");
            if (value.isBlank() || value.contains(":")) {
                throw new IllegalArgumentException("A provider name is not blank and has no ':', got '" + value + "'");
            }
            name = value;
            return this;
        }

        /** Multipart (the default, as the official SDKs send) or JSON bodies for submits. */
        public Builder encoding(BodyEncoding value) {
            encoding = Objects.requireNonNull(value, "encoding");
            return this;
        }

        /**
         * Whether to scale and pad an input image of another pixel size than the video (off by default,
         * when such an image is refused by the capability check, naming both sizes).
         */
        public Builder fitInputImages(boolean fit) {
            fitInputImages = fit;
            return this;
        }

        /** Declares a model (or replaces the built-in one of the same name): for servers that run other models. */
        public Builder model(ModelCapabilities model) {
            models.put(model.model(), Objects.requireNonNull(model, "model"));
            return this;
        }

        /** Replaces the model table ({@code sora-2} and {@code sora-2-pro}) with {@code declared}. */
        public Builder models(ModelCapabilities... declared) {
            models.clear();
            for (ModelCapabilities model : declared) {
                model(model);
            }
            return this;
        }

        /** The model of requests that name none ({@code sora-2} by default). */
        public Builder defaultModel(String model) {
            defaultModel = Objects.requireNonNull(model, "defaultModel");
            return this;
        }

        /** Accepts model names outside the table, each under {@code limits}: for gateways that route any name. */
        public Builder otherModels(ModelCapabilities limits) {
            otherModels = Option.some(Objects.requireNonNull(limits, "otherModels"));
            return this;
        }

        public OpenAiVideoProvider build() {
            URI baseUrl = baseUrl();
            ApiCredentials credentials = ApiCredentials.of(baseUrl, authScheme, apiKeyOrEnvironment());
            String shown = name.equals(OpenAiCapabilities.PROVIDER) ? "OpenAI" : name;
            ErrorClassifier errors = ErrorClassifier.forProvider(shown).withCredentials(credentials)
                    .withRule(ErrorRule.code("sentinel_block", FailureKind.MODERATION))
                    .withRule(ErrorRule.code("moderation_blocked", FailureKind.MODERATION));
            OpenAiApi api = clients(credentials, errors).build(OpenAiApi.class);
            FormPost forms = new FormPost(baseUrl, credentials, headers, connectTimeout(), readTimeout(), maxResponseBytes());
            return new OpenAiVideoProvider(api, forms, new OpenAiRequests(encoding, fitInputImages, headers),
                    OpenAiCapabilities.of(name, models, defaultModel, otherModels, encoding, fitInputImages), errors,
                    ResultDownloader.create(downloads(), errors), credentials, baseUrl, headers, OpenAiPrices.of(name));
        }
    }
}
