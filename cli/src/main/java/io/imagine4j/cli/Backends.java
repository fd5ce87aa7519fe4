package io.imagine4j.cli;

import io.imagine4j.http.auth.ApiKey;
import io.imagine4j.http.auth.InsecureBaseUrlException;
import io.imagine4j.http.auth.MissingApiKeyException;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.imagine4j.xai.XaiVideo;
import io.vavr.control.Option;

import java.net.URI;
import java.util.List;

/**
 * Chooses and opens the backend for a run. Without {@code --provider}, xAI is used when its key is
 * set; with no key at all, an xAI simulator starts inside this process, on loopback, so the whole
 * stack runs over real HTTP without network or cost, and the run says so in one line.
 */
final class Backends {

    private Backends() {
    }

    static Backend open(CommonOptions options, CliEnvironment env, Messages messages) {
        String keyVariable = options.apiKeyEnv != null ? options.apiKeyEnv : ProviderChoice.XAI.keyVariable();
        Option<String> key = Option.of(env.variable(keyVariable));
        ProviderChoice choice = options.provider != null ? ProviderChoice.parse(options.provider)
                : key.isDefined() ? ProviderChoice.XAI : ProviderChoice.SIMULATOR;
        String baseUrl = options.baseUrl != null ? options.baseUrl : env.variable(choice.baseUrlVariable());
        try {
            return switch (choice) {
                case XAI -> xai(key.getOrElseThrow(() -> new UsageException(keyVariable
                        + " is not set: export your xAI API key, name another variable with --api-key-env,"
                        + " or try --provider simulator")), baseUrl);
                case SIMULATOR -> simulator(baseUrl, options.provider == null, messages);
            };
        } catch (InsecureBaseUrlException | MissingApiKeyException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Backend xai(String key, String baseUrl) {
        URI base = baseUrl == null ? XaiVideo.DEFAULT_BASE_URL : URI.create(baseUrl);
        return new Backend(XaiVideo.builder().apiKey(ApiKey.of(key)).baseUrl(base).build(), "xAI at " + base, List.of());
    }

    private static Backend simulator(String baseUrl, boolean chosenForLackOfKey, Messages messages) {
        if (baseUrl != null) {
            URI base = URI.create(baseUrl);
            return new Backend(XaiVideo.builder().apiKey("simulator").baseUrl(base).build(),
                    "the xAI simulator at " + base, List.of());
        }
        XaiSimulator simulator = XaiSimulator.start(SimulatorOptions.realTime());
        messages.info((chosenForLackOfKey ? "No XAI_API_KEY set: running" : "Running")
                + " on the embedded xAI simulator at " + simulator.baseUrl() + " (no network, no cost).");
        return new Backend(XaiVideo.builder().apiKey("simulator").baseUrl(simulator.baseUrl()).build(),
                "the embedded xAI simulator", List.of(simulator::close));
    }
}
