package io.imagine4j.benchmarks.load;

import java.util.Locale;

/** Who runs a phase's jobs: the two hand-written baselines, the official SDK, or imagine4j. */
public enum ClientKind {
    /** (a) What the providers' docs show: raw {@code HttpClient}, submit, then a poll every 5 s. */
    DOCS_LOOP("a", "raw HTTP, fixed 5 s (a)"),
    /** (b) Raw {@code HttpClient} at imagine4j's own poll schedule: the same calls, none of the library. */
    RAW_SCHEDULE("b", "raw HTTP, imagine4j's schedule (b)"),
    /** (c) The official {@code com.openai:openai-java} SDK: create, then retrieve at the server's poll hint. */
    OPENAI_SDK("sdk", "openai-java (c)"),
    /** The library: {@code VideoJobService} on the provider's adapter. */
    IMAGINE4J("imagine4j", "imagine4j");

    private final String key;
    private final String label;

    ClientKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** {@code a}, {@code b}, {@code sdk}, {@code imagine4j}. */
    public static ClientKind named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ClientKind kind : values()) {
            if (kind.key.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("--clients takes a, b, sdk and imagine4j, got '" + name + "'");
    }
}
