package io.imagine4j.testkit.openai;

/**
 * How {@code GET /videos/{id}/content} hands out a finished video's bytes.
 *
 * <pre>{@code
 * OpenAiSimulator.start(SimulatorOptions.forTests(), OpenAiSettings.defaults().withContentDelivery(ContentDelivery.REDIRECT));
 * }</pre>
 */
public enum ContentDelivery {

    /** The bytes in the answer itself, as OpenAI does: {@code 200} (or {@code 206} for a range). */
    DIRECT,

    /**
     * A {@code 302} to a signed storage URL on another origin, as Azure and CDN gateways do. The
     * storage URL needs no key; a client that sends one there is recorded in
     * {@code credentialLeaks()}.
     */
    REDIRECT
}
