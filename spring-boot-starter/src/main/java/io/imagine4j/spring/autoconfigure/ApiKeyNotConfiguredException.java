package io.imagine4j.spring.autoconfigure;

import io.imagine4j.http.auth.MissingApiKeyException;

/**
 * The chosen provider has no usable API key: neither its property nor its environment variable
 * holds one. The message, and the startup failure report, name both.
 *
 * <pre>{@code
 * No API key for the xai provider: set the property imagine4j.xai.api-key or the environment variable XAI_API_KEY.
 * }</pre>
 */
public class ApiKeyNotConfiguredException extends MissingApiKeyException {

    private final String provider;
    private final String property;

    public ApiKeyNotConfiguredException(String provider, String property, String variable, String message) {
        super(variable, message);
        this.provider = provider;
        this.property = property;
    }

    /** The provider chosen by {@code imagine4j.provider}. */
    public String provider() {
        return provider;
    }

    /** The property that may hold the key, such as {@code imagine4j.xai.api-key}. */
    public String property() {
        return property;
    }
}
