package io.imagine4j.cli;

import io.vavr.control.Option;

import java.util.Locale;

/**
 * The backends {@code --provider} names: one of the three APIs, or a simulator of one of them.
 * A new adapter is one more {@link Api} and a case in {@link Backends}; no command changes.
 */
enum ProviderChoice {
    /** xAI's native REST API (Grok Imagine). */
    XAI("xai", Option.some(Api.XAI)),
    /** An OpenAI-compatible {@code /v1/videos} server: OpenAI, Azure, LiteLLM, vLLM, a gateway. */
    OPENAI("openai", Option.some(Api.OPENAI)),
    /** The Oxen.ai hub. */
    OXEN("oxen", Option.some(Api.OXEN)),
    /** A simulator of one of the APIs ({@code --simulate}): embedded in this process, or a running one at {@code --base-url}. */
    SIMULATOR("simulator", Option.none());

    private final String label;
    private final Option<Api> api;

    ProviderChoice(String label, Option<Api> api) {
        this.label = label;
        this.api = api;
    }

    String label() {
        return label;
    }

    /** The real API this choice is; none for the simulator. */
    Option<Api> api() {
        return api;
    }

    static ProviderChoice parse(String text) {
        for (ProviderChoice choice : values()) {
            if (choice.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return choice;
            }
        }
        throw new UsageException("--provider: '" + text + "' is not a provider; use one of " + labels());
    }

    static ProviderChoice of(Api api) {
        return switch (api) {
            case XAI -> XAI;
            case OPENAI -> OPENAI;
            case OXEN -> OXEN;
        };
    }

    static String labels() {
        StringBuilder names = new StringBuilder();
        for (ProviderChoice choice : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(choice.label);
        }
        return names.toString();
    }
}
