package io.imagine4j.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** Options every command shares: which backend, where jobs are kept, how long to wait, how to report. */
final class CommonOptions {

    @Option(names = "--provider", paramLabel = "NAME",
            description = "Backend: xai, openai, oxen or simulator. Default: the first of xai, openai, oxen whose API key is"
                    + " set, else the embedded simulator.")
    String provider;

    @Option(names = "--simulate", paramLabel = "API",
            description = "With --provider simulator: which API to simulate, xai, openai or oxen (default: xai, or the one"
                    + " a running simulator's --base-url serves).")
    String simulate;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The API's base URL (default: $XAI_BASE_URL, $OPENAI_BASE_URL or $OXEN_BASE_URL, else the"
                    + " provider's own). With --provider simulator: a running simulator, e.g. http://127.0.0.1:8089/xai/v1.")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "NAME",
            description = "The environment variable holding the API key (default: XAI_API_KEY, OPENAI_API_KEY or"
                    + " OXEN_API_KEY; without --provider it names the xAI key).")
    String apiKeyEnv;

    @Option(names = "--store", paramLabel = "DIR|JDBC_URL",
            description = "Where jobs are recorded: a directory (an SQLite file inside) or a PostgreSQL JDBC URL, whose"
                    + " credentials come from $IMAGINE4J_STORE_USER and $IMAGINE4J_STORE_PASSWORD"
                    + " (default: $IMAGINE4J_STORE, else ~/.imagine4j).")
    String store;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long to wait for the job, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--no-wait", description = "Print the job id once the provider accepted the job, and exit.")
    boolean noWait;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout, whatever happens, and nothing else there.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress or messages on stderr, only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log HTTP calls to stderr (API keys redacted).")
    boolean verbose;

    Duration timeout() {
        return DurationArgument.parse(timeout, "--timeout");
    }
}
