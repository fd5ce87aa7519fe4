package io.imagine4j.spring.autoconfigure;

import io.imagine4j.http.auth.ApiKey;
import io.imagine4j.spring.autoconfigure.Imagine4jProperties.ProviderSettings;
import org.springframework.core.env.Environment;

import java.net.URI;

/**
 * A provider's key and base URL: from its {@code imagine4j.<provider>.*} properties, else from
 * the environment variables its factory reads ({@code XAI_API_KEY}, {@code XAI_BASE_URL}…,
 * looked up through Spring's {@link Environment}, which holds the process environment), else
 * the public API for the URL.
 */
record ProviderAccess(ApiKey key, URI baseUrl) {

    static ProviderAccess resolve(String provider, ProviderSettings settings, String keyVariable, String urlVariable,
            URI publicApi, Environment environment) {
        String property = "imagine4j." + provider + ".api-key";
        return new ProviderAccess(key(provider, property, settings.getApiKey(), keyVariable, environment),
                baseUrl(settings.getBaseUrl(), urlVariable, publicApi, environment));
    }

    private static ApiKey key(String provider, String property, String configured, String variable, Environment environment) {
        String value = configured;
        String source = "the property " + property;
        if (value == null || value.isBlank()) {
            value = environment.getProperty(variable);
            source = "the environment variable " + variable;
        }
        if (value == null || value.isBlank()) {
            throw new ApiKeyNotConfiguredException(provider, property, variable, "No API key for the " + provider
                    + " provider: set the property " + property + " or the environment variable " + variable + ".");
        }
        try {
            return ApiKey.of(value);
        } catch (IllegalArgumentException e) {
            throw new ApiKeyNotConfiguredException(provider, property, variable, "The API key of the " + provider
                    + " provider, from " + source + ", is not usable: " + e.getMessage());
        }
    }

    private static URI baseUrl(URI configured, String variable, URI publicApi, Environment environment) {
        if (configured != null) {
            return configured;
        }
        String value = environment.getProperty(variable);
        return value == null || value.isBlank() ? publicApi : URI.create(value.strip());
    }
}
