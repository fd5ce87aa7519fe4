package io.imagine4j.core.model;

/**
 * Abilities a provider has beyond submit, poll and download. An operation whose feature is missing
 * is refused with {@link UnsupportedCapabilityException}, naming what to do instead.
 */
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
    /** The provider's own jobs can be listed, page by page. */
    LIST,
    /** A job and its result can be deleted at the provider. */
    DELETE,
    /** The provider answers its models at run time; the built-in table is merged with them. */
    MODEL_DISCOVERY
}
