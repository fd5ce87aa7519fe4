package io.imagine4j.benchmarks.load;

import java.util.Locale;

/**
 * The API a load run talks to: which simulator the child JVM runs, which imagine4j adapter and
 * which hand-written wire the baselines use.
 */
public enum Provider {
    /** xAI's Grok Imagine: {@code XaiSimulator}, {@code XaiVideo}. */
    XAI,
    /** An OpenAI-compatible {@code /v1/videos} server: {@code OpenAiSimulator}, {@code OpenAiVideos}, and openai-java. */
    OPENAI,
    /** The Oxen.ai hub: {@code OxenSimulator}, {@code OxenHub}, completions pushed over server-sent events. */
    OXEN;

    /** {@code xai}, {@code openai}. */
    public static Provider named(String name) {
        for (Provider provider : values()) {
            if (provider.key().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return provider;
            }
        }
        throw new IllegalArgumentException("--provider is one of " + String.join(", ", keys()) + ", got '" + name + "'");
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire the raw baselines speak. */
    RawWire wire() {
        return switch (this) {
            case XAI -> new XaiWire();
            case OPENAI -> new OpenAiWire();
            case OXEN -> new OxenWire();
        };
    }

    /** Whether the provider pushes completions, so that imagine4j needs no poll while its event stream is healthy. */
    boolean pushes() {
        return this == OXEN;
    }

    private static java.util.List<String> keys() {
        return java.util.Arrays.stream(values()).map(Provider::key).toList();
    }
}
