package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.client.HttpAdapterBuilder;
import io.imagine4j.http.download.ResultDownloader;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.error.ErrorRule;
import io.imagine4j.xai.wire.XaiApi;

import java.net.URI;

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

    /** Builds an {@link XaiVideoProvider}: the settings every adapter takes, and xAI's inline limits. */
    public static final class Builder extends HttpAdapterBuilder<Builder> {
        private long maxInlineImageBytes = 10L * 1024 * 1024;
        private long maxInlineVideoBytes = 32L * 1024 * 1024;

        private Builder() {
            super(DEFAULT_BASE_URL, API_KEY_VARIABLE, BASE_URL_VARIABLE);
        }

        @Override
        protected Builder self() {
            return this;
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

        public XaiVideoProvider build() {
            ApiCredentials credentials = ApiCredentials.bearer(baseUrl(), apiKeyOrEnvironment());
            ErrorClassifier errors = ErrorClassifier.forProvider("xAI").withCredentials(credentials)
                    .withRule(ErrorRule.code(XaiPolls.MODERATED, FailureKind.MODERATION))
                    .withRule(ErrorRule.messageContains(400, "Incorrect API key", FailureKind.AUTHENTICATION));
            return new XaiVideoProvider(clients(credentials, errors).build(XaiApi.class),
                    XaiCapabilities.of(maxInlineImageBytes, maxInlineVideoBytes), errors,
                    ResultDownloader.create(downloads(), errors), maxInlineVideoBytes);
        }

        private static long positive(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("an inline limit must be positive, got " + bytes);
            }
            return bytes;
        }
    }
}
