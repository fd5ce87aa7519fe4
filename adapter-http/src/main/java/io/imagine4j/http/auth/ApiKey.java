package io.imagine4j.http.auth;

import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.function.Function;

/**
 * A secret API key. It prints as {@code ApiKey[redacted]}, compares in constant time, and hands its
 * value out only to {@link ApiCredentials}, which puts it in a header for its own API origin and
 * nowhere else.
 *
 * <pre>{@code
 * ApiKey key = ApiKey.fromEnvironment("XAI_API_KEY");     // MissingApiKeyException names the variable
 * ApiCredentials credentials = ApiCredentials.bearer(URI.create("https://api.x.ai/v1"), key);
 * }</pre>
 */
public final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * A key given in code. Surrounding whitespace is trimmed; a key with inner whitespace or control
     * characters is refused, because it could smuggle a second header into a request.
     */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "value");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("An API key must not be empty.");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("An API key must not contain whitespace or control characters"
                        + " (found one at position " + i + "); check how it was copied.");
            }
        }
        return new ApiKey(trimmed);
    }

    /** The key in the process environment variable {@code variable}. */
    public static ApiKey fromEnvironment(String variable) {
        return fromEnvironment(variable, System::getenv);
    }

    /**
     * The key in {@code variable} of {@code environment} (a {@code Map::get} in tests).
     *
     * @throws MissingApiKeyException when the variable is unset or blank; the message names it
     */
    public static ApiKey fromEnvironment(String variable, Function<String, String> environment) {
        Objects.requireNonNull(variable, "variable");
        String value = environment.apply(variable);
        if (value == null) {
            throw new MissingApiKeyException(variable, "The environment variable " + variable
                    + " is not set: set it to your API key, or pass the key in code.");
        }
        if (value.isBlank()) {
            throw new MissingApiKeyException(variable, "The environment variable " + variable
                    + " is set but empty: set it to your API key, or pass the key in code.");
        }
        try {
            return of(value);
        } catch (IllegalArgumentException e) {
            throw new MissingApiKeyException(variable, "The environment variable " + variable
                    + " does not hold a usable API key: " + e.getMessage());
        }
    }

    /** The key in {@code variable}, or none when it is unset or blank (a CLI may then start a simulator). */
    public static Option<ApiKey> findInEnvironment(String variable, Function<String, String> environment) {
        String value = environment.apply(Objects.requireNonNull(variable, "variable"));
        return value == null || value.isBlank() ? Option.none() : Option.some(fromEnvironment(variable, environment));
    }

    /** {@link #findInEnvironment(String, Function)} on the process environment. */
    public static Option<ApiKey> findInEnvironment(String variable) {
        return findInEnvironment(variable, System::getenv);
    }

    /** The secret itself: only for building the header, inside this package. */
    String reveal() {
        return value;
    }

    /** Equal keys hold the same secret; compared in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && MessageDigest.isEqual(bytes(), key.bytes());
    }

    /** Constant: a hash would reveal something about the secret, and keys are never many. */
    @Override
    public int hashCode() {
        return ApiKey.class.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }

    private byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
