package io.imagine4j.core.model;

/** Abilities a provider has beyond submit, poll and download. */
public enum ProviderFeature {
    /** Jobs can be cancelled. */
    CANCEL,
    /** Job updates are pushed (for example over server-sent events); polling becomes a safety net. */
    PUSH_EVENTS,
    /**
     * The provider honours an idempotency key on submit, so a submit whose outcome is unknown may
     * be sent again without starting (and paying for) a second job.
     */
    IDEMPOTENT_SUBMIT,
    /** Jobs can be listed. */
    LIST
}
