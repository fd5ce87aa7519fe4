package io.imagine4j.testkit.scenario;

/** The calls a client makes to a backend; faults are aimed at one of them. */
public enum Call {
    SUBMIT,
    POLL,
    CANCEL,
    CONTENT,
    EVENTS,
    LIST,
    /** Deleting a job and its result (OpenAI's {@code DELETE /videos/{id}}). */
    DELETE,
    /** Asking for the provider's models. */
    MODELS,
    OTHER;

    /** The lower-case name used in directives ({@code poll} in {@code #sim:poll-500}). */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
