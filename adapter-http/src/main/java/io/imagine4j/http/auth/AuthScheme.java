package io.imagine4j.http.auth;

/**
 * How an API wants its key: {@code Authorization: Bearer <key>} (xAI, OpenAI, Oxen, most
 * gateways) or Azure OpenAI's {@code api-key: <key>}.
 *
 * <pre>{@code
 * ApiCredentials azure = ApiCredentials.of(URI.create("https://my.openai.azure.com/openai/v1"),
 *         AuthScheme.API_KEY_HEADER, ApiKey.fromEnvironment("AZURE_OPENAI_API_KEY"));
 * }</pre>
 */
public enum AuthScheme {
    /** {@code Authorization: Bearer <key>}. */
    BEARER("Authorization"),
    /** {@code api-key: <key>}, as Azure OpenAI expects. */
    API_KEY_HEADER("api-key");

    private final String headerName;

    AuthScheme(String headerName) {
        this.headerName = headerName;
    }

    /** The header that carries the key. */
    public String headerName() {
        return headerName;
    }

    String headerValue(ApiKey key) {
        return this == BEARER ? "Bearer " + key.reveal() : key.reveal();
    }
}
