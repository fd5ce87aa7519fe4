package io.imagine4j.spring.actuate;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

import java.util.Locale;
import java.util.Set;

/**
 * Masks imagine4j's API keys in the actuator's {@code env} and {@code configprops} output, also
 * when {@code management.endpoint.*.show-values} reveals values. Spring Boot masks every value by
 * default, but once values are shown it masks nothing by name (it dropped its
 * {@code keys-to-sanitize} list in 3.0): without this function an operator who turns values on
 * would see the keys. Matches the properties {@code imagine4j.<provider>.api-key} in any relaxed
 * form ({@code imagine4j.xai.apiKey}, {@code IMAGINE4J_XAI_APIKEY}) and the environment variables
 * {@code XAI_API_KEY}, {@code OPENAI_API_KEY} and {@code OXEN_API_KEY}.
 *
 * <pre>{@code
 * management.endpoint.env.show-values=always     # imagine4j.xai.api-key still shows ******
 * }</pre>
 */
public final class ApiKeySanitizingFunction implements SanitizingFunction {

    private static final Set<String> VARIABLES = Set.of("xaiapikey", "openaiapikey", "oxenapikey");

    @Override
    public SanitizableData apply(SanitizableData data) {
        return isApiKey(data.getKey()) ? data.withSanitizedValue() : data;
    }

    /** Whether {@code key} names an imagine4j API key, in any of Spring's relaxed forms. */
    public static boolean isApiKey(String key) {
        String compact = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return VARIABLES.contains(compact) || compact.startsWith("imagine4j") && compact.endsWith("apikey");
    }
}
