package io.imagine4j.testkit.openai;

/**
 * The ways gateways in front of OpenAI-compatible servers bend the Video object, which an adapter
 * must tolerate. Chosen per job by directive ({@code #sim:gateway}, {@code #sim:gateway=ms}…) or for
 * every job with {@link OpenAiSettings#withGatewayQuirks}.
 *
 * <pre>{@code
 * client.create("A fox #sim:gateway=statuses");          // pending, processing, succeeded…
 * OpenAiSimulator.start(SimulatorOptions.forTests(), OpenAiSettings.defaults().withGatewayQuirks(GatewayQuirk.MILLISECONDS));
 * }</pre>
 */
public enum GatewayQuirk {

    /**
     * Statuses outside OpenAI's four: {@code pending} (queued), {@code processing} (in progress),
     * {@code succeeded} (completed), {@code failed}, {@code expired}, and {@code cancelled} (a
     * {@code DELETE} of an unfinished job cancels it instead of being refused).
     */
    STATUSES("statuses"),

    /** {@code created_at}, {@code completed_at} and {@code expires_at} in Unix milliseconds, not seconds. */
    MILLISECONDS("ms"),

    /** Ids rewritten by the gateway ({@code vid-<uuid>}), not OpenAI's {@code video_…}. */
    IDS("ids");

    private final String token;

    GatewayQuirk(String token) {
        this.token = token;
    }

    /** The directive naming this quirk alone: {@code gateway=statuses}, {@code gateway=ms}, {@code gateway=ids}. */
    public String directive() {
        return "gateway=" + token;
    }
}
