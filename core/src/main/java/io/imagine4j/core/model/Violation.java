package io.imagine4j.core.model;

import java.util.Objects;

/**
 * One thing wrong with a request, found before anything was sent: which field, the value given,
 * what is wrong with it, and what is allowed instead.
 *
 * <pre>{@code
 * violation.message(); // "duration: 20 s is outside what grok-imagine-video accepts for text-to-video (allowed: 1–15 s)"
 * }</pre>
 *
 * @param field   the request field, in the words of {@link VideoOptions} ({@code duration}, {@code video})
 * @param value   the value given, as written for a person
 * @param problem what is wrong, as the rest of a sentence starting with the value
 * @param allowed what would be accepted; empty when nothing would
 * @param reason  the kind of problem
 */
public record Violation(String field, String value, String problem, String allowed, Reason reason) {

    /** Why a value is refused. */
    public enum Reason {
        /** The provider or model does not offer this at all. */
        UNSUPPORTED,
        /** The provider offers this, but not with this value. */
        NOT_ALLOWED,
        /** A required value is missing or empty. */
        MISSING,
        /** A local input could not be read. */
        UNREADABLE
    }

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(reason, "reason");
    }

    /** A sentence naming the field, the value, the problem and what is allowed. */
    public String message() {
        return field + ": " + value + " " + problem + (allowed.isEmpty() ? "" : " (allowed: " + allowed + ")");
    }

    @Override
    public String toString() {
        return message();
    }
}
