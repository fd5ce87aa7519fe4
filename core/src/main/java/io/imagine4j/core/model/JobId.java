package io.imagine4j.core.model;

import java.util.Objects;

/**
 * A job as its provider knows it: the provider's short name and the provider's id. Written as
 * {@code provider:id}, for example {@code xai:8b0b1f1e-...}, which {@link #parse} reads back.
 *
 * <pre>{@code
 * JobId id = JobId.parse("xai:8b0b1f1e");  // provider "xai", value "8b0b1f1e"
 * }</pre>
 */
public record JobId(String provider, String value) {

    public JobId {
        if (provider == null || provider.isBlank() || provider.contains(":")) {
            throw new IllegalArgumentException("A job id needs a provider name without ':', got '" + provider + "'");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A job id needs the provider's id, got '" + value + "'");
        }
    }

    public static JobId of(String provider, String value) {
        return new JobId(provider, value);
    }

    /** Reads {@code provider:id}; the id may itself contain ':'. */
    public static JobId parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("A job id is written provider:id, for example xai:8b0b1f1e; got '" + text + "'");
        }
        return new JobId(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return provider + ":" + value;
    }
}
