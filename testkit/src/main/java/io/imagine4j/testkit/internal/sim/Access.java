package io.imagine4j.testkit.internal.sim;

/** Whether a route wants the provider's credential. */
public enum Access {
    /** An API call: the simulator checks the key in its provider's style before the handler runs. */
    AUTHENTICATED,
    /**
     * A public file (a result URL, a published input): served without auth, like a storage bucket,
     * and any credential sent to it is recorded as a leak.
     */
    PUBLIC
}
