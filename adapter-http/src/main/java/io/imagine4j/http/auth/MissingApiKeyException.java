package io.imagine4j.http.auth;

import io.imagine4j.core.model.Imagine4jException;

/**
 * No API key where one was expected. The message names the environment variable to set.
 *
 * <pre>{@code
 * try {
 *     ApiKey key = ApiKey.fromEnvironment("XAI_API_KEY");
 * } catch (MissingApiKeyException e) {
 *     System.err.println(e.getMessage());   // The environment variable XAI_API_KEY is not set: ...
 * }
 * }</pre>
 */
public class MissingApiKeyException extends Imagine4jException {

    private final String variable;

    public MissingApiKeyException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /** The environment variable that should hold the key. */
    public String variable() {
        return variable;
    }
}
