package io.imagine4j.cli;

import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.http.auth.ApiKey;
import io.imagine4j.http.auth.InsecureBaseUrlException;
import io.imagine4j.http.auth.MissingApiKeyException;
import io.imagine4j.openai.OpenAiVideos;
import io.imagine4j.oxen.OxenHub;
import io.imagine4j.oxen.OxenRepository;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.sim.HttpSimulator;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.imagine4j.xai.XaiVideo;
import io.vavr.control.Option;

import java.net.URI;
import java.util.List;

/**
 * Chooses and opens the backend for a run. Without {@code --provider}, the first API whose key is
 * set is used (xAI, OpenAI, Oxen); with no key at all, a simulator starts inside this process, on
 * loopback, so the whole stack runs over real HTTP without network or cost, and the run says so in
 * one line. Its videos show the request's prompt, model and length, so the round trip is visible.
 */
final class Backends {

    /** The key sent to simulators, which accept any. */
    private static final String SIMULATOR_KEY = "simulator";
    /** Where the embedded Oxen simulator takes local inputs (Oxen's models read inputs from a repository). */
    private static final OxenRepository SIMULATOR_UPLOADS = OxenRepository.of("imagine4j", "inputs");

    private Backends() {
    }

    /** The backend the options and environment choose. */
    static Backend open(CommonOptions options, CliEnvironment env, Messages messages) {
        ProviderChoice choice = options.provider != null ? ProviderChoice.parse(options.provider) : automatic(options, env);
        return open(choice, options, env, messages, options.provider == null);
    }

    /**
     * The backend for a job of {@code api} (named by its id, or found in the store): the one
     * {@code --provider} names, else the real API, whose key must be set, since asking a
     * simulator about a real job would lose track of it.
     *
     * @throws UsageException when {@code --provider} speaks another API, or the key is not set
     */
    static Backend forApi(Api api, CommonOptions options, CliEnvironment env, Messages messages) {
        if (options.provider != null) {
            ProviderChoice choice = ProviderChoice.parse(options.provider);
            Api chosen = choice.api().getOrElse(() -> simulatedApi(options, env));
            if (chosen != api) {
                throw new UsageException("the job is at " + api.label() + ", but --provider " + options.provider
                        + " speaks " + chosen.label());
            }
            return open(choice, options, env, messages, false);
        }
        String keyVariable = options.apiKeyEnv != null ? options.apiKeyEnv : api.keyVariable();
        if (env.variable(keyVariable) == null) {
            throw new UsageException(keyVariable + " is not set: the job is at " + api.title() + "; export its key (or name"
                    + " the variable with --api-key-env), or pass --provider simulator for a simulator's job");
        }
        return open(ProviderChoice.of(api), options, env, messages, false);
    }

    /** The API the options and environment choose, without opening anything: bare job ids belong to it. */
    static Api chosenApi(CommonOptions options, CliEnvironment env) {
        ProviderChoice choice = options.provider != null ? ProviderChoice.parse(options.provider) : automatic(options, env);
        return choice.api().getOrElse(() -> simulatedApi(options, env));
    }

    private static ProviderChoice automatic(CommonOptions options, CliEnvironment env) {
        if (options.apiKeyEnv != null) {
            return env.variable(options.apiKeyEnv) != null ? ProviderChoice.XAI : ProviderChoice.SIMULATOR;
        }
        for (Api api : Api.values()) {
            if (env.variable(api.keyVariable()) != null) {
                return ProviderChoice.of(api);
            }
        }
        return ProviderChoice.SIMULATOR;
    }

    private static Backend open(ProviderChoice choice, CommonOptions options, CliEnvironment env, Messages messages,
            boolean chosenForLackOfKey) {
        try {
            if (choice == ProviderChoice.SIMULATOR) {
                return simulator(simulatedApi(options, env), options, env, messages, chosenForLackOfKey);
            }
            Api api = choice.api().get();
            String keyVariable = options.apiKeyEnv != null ? options.apiKeyEnv : api.keyVariable();
            String key = Option.of(env.variable(keyVariable)).getOrElseThrow(() -> new UsageException(keyVariable
                    + " is not set: export your " + api.title() + " key, name another variable with --api-key-env,"
                    + " or try --provider simulator"));
            String baseUrl = options.baseUrl != null ? options.baseUrl : env.variable(api.baseUrlVariable());
            URI base = baseUrl == null ? api.defaultBaseUrl() : URI.create(baseUrl);
            return new Backend(provider(api, key, base, uploads(api, env)), api, api.title() + " at " + base, false, List.of());
        } catch (InsecureBaseUrlException | MissingApiKeyException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Api simulatedApi(CommonOptions options, CliEnvironment env) {
        if (options.simulate != null) {
            return Api.byLabel(options.simulate).getOrElseThrow(() -> new UsageException("--simulate: '" + options.simulate
                    + "' is not an API; use one of " + Api.labels()));
        }
        return options.baseUrl != null ? Api.servedAt(options.baseUrl) : Api.XAI;
    }

    private static Backend simulator(Api api, CommonOptions options, CliEnvironment env, Messages messages,
            boolean chosenForLackOfKey) {
        String running = options.baseUrl != null ? options.baseUrl : env.variable(api.baseUrlVariable());
        if (running != null) {
            URI base = URI.create(running);
            return new Backend(provider(api, SIMULATOR_KEY, base, Option.some(SIMULATOR_UPLOADS)), api,
                    "the " + api.title() + " simulator at " + base, false, List.of());
        }
        SimulatorOptions simulatorOptions = SimulatorOptions.realTime().withCaptions(true);
        HttpSimulator<?> simulator = switch (api) {
            case XAI -> XaiSimulator.start(simulatorOptions);
            case OPENAI -> OpenAiSimulator.start(simulatorOptions);
            case OXEN -> OxenSimulator.start(simulatorOptions);
        };
        messages.info((chosenForLackOfKey ? "No API key set (XAI_API_KEY, OPENAI_API_KEY, OXEN_API_KEY): running" : "Running")
                + " on the embedded " + api.title() + " simulator at " + simulator.baseUrl() + " (no network, no cost).");
        return new Backend(provider(api, SIMULATOR_KEY, simulator.baseUrl(), Option.some(SIMULATOR_UPLOADS)), api,
                "the embedded " + api.title() + " simulator", true, List.of(simulator::close));
    }

    private static VideoProvider provider(Api api, String key, URI base, Option<OxenRepository> uploads) {
        return switch (api) {
            case XAI -> XaiVideo.builder().apiKey(ApiKey.of(key)).baseUrl(base).build();
            case OPENAI -> OpenAiVideos.builder().apiKey(ApiKey.of(key)).baseUrl(base).build();
            case OXEN -> {
                OxenHub.Builder builder = OxenHub.builder().apiKey(ApiKey.of(key)).baseUrl(base);
                uploads.forEach(builder::uploadsTo);
                yield builder.build();
            }
        };
    }

    /** Oxen takes local inputs through a repository of the user's, named in {@code OXEN_UPLOAD_REPOSITORY}. */
    private static Option<OxenRepository> uploads(Api api, CliEnvironment env) {
        String repository = api == Api.OXEN ? env.variable(OxenHub.UPLOAD_REPOSITORY_VARIABLE) : null;
        try {
            return Option.of(repository).map(OxenRepository::parse);
        } catch (IllegalArgumentException e) {
            throw new UsageException(OxenHub.UPLOAD_REPOSITORY_VARIABLE + ": " + e.getMessage());
        }
    }
}
