package io.imagine4j.cli;

import java.util.Locale;

/**
 * The backends the command can use. A new adapter is one more constant here and a case in
 * {@link Backends}; no command changes.
 */
enum ProviderChoice {
    /** xAI's native REST API (Grok Imagine). */
    XAI("xai", "XAI_API_KEY", "XAI_BASE_URL"),
    /** The xAI simulator: embedded in this process, or a running one at {@code --base-url}. */
    SIMULATOR("simulator", "XAI_API_KEY", "XAI_BASE_URL");

    private final String label;
    private final String keyVariable;
    private final String baseUrlVariable;

    ProviderChoice(String label, String keyVariable, String baseUrlVariable) {
        this.label = label;
        this.keyVariable = keyVariable;
        this.baseUrlVariable = baseUrlVariable;
    }

    String label() {
        return label;
    }

    String keyVariable() {
        return keyVariable;
    }

    String baseUrlVariable() {
        return baseUrlVariable;
    }

    static ProviderChoice parse(String text) {
        for (ProviderChoice choice : values()) {
            if (choice.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return choice;
            }
        }
        throw new UsageException("--provider: '" + text + "' is not a provider; use one of " + labels());
    }

    static String labels() {
        StringBuilder names = new StringBuilder();
        for (ProviderChoice choice : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(choice.label);
        }
        return names.toString();
    }
}
