package io.imagine4j.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** Options every command shares: which backend, how long to wait, how to report. */
final class CommonOptions {

    @Option(names = "--provider", paramLabel = "NAME",
            description = "Backend: xai or simulator. Default: xai when its API key is set, else the embedded simulator.")
    String provider;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The API's base URL (default: $XAI_BASE_URL, else https://api.x.ai/v1). "
                    + "With --provider simulator: a running simulator, e.g. http://127.0.0.1:8089/xai/v1.")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "NAME",
            description = "The environment variable holding the API key (default: XAI_API_KEY).")
    String apiKeyEnv;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long to wait for the job, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--no-wait", description = "Print the job id once the provider accepted the job, and exit.")
    boolean noWait;

    @Option(names = "--json", description = "Print one JSON object on stdout at the end, and nothing else there.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress or messages on stderr, only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log HTTP calls to stderr (API keys redacted).")
    boolean verbose;

    Duration timeout() {
        return DurationArgument.parse(timeout, "--timeout");
    }
}
