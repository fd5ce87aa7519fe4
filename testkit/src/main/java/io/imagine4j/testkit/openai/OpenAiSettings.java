package io.imagine4j.testkit.openai;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How an {@link OpenAiSimulator} behaves beyond a single job's directives.
 *
 * <pre>{@code
 * OpenAiSettings azureLike = OpenAiSettings.defaults().withContentDelivery(ContentDelivery.REDIRECT);
 * OpenAiSettings gateway = OpenAiSettings.defaults().withGatewayQuirks(GatewayQuirk.STATUSES, GatewayQuirk.MILLISECONDS);
 * }</pre>
 *
 * @param contentDelivery how {@code /content} hands out bytes unless a job's directive says otherwise
 * @param pollAfter       the {@code openai-poll-after-ms} hint sent with every unfinished Video object
 * @param gatewayQuirks   gateway quirks every job shows (directives add more per job)
 */
public record OpenAiSettings(ContentDelivery contentDelivery, Duration pollAfter, Set<GatewayQuirk> gatewayQuirks) {

    /** What the simulator tells clients to wait between polls unless configured otherwise. */
    public static final Duration DEFAULT_POLL_AFTER = Duration.ofSeconds(1);

    public OpenAiSettings {
        Objects.requireNonNull(contentDelivery, "contentDelivery");
        Objects.requireNonNull(pollAfter, "pollAfter");
        if (pollAfter.isNegative() || pollAfter.isZero()) {
            throw new IllegalArgumentException("the poll hint must be positive, got " + pollAfter);
        }
        gatewayQuirks = gatewayQuirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(gatewayQuirks));
    }

    /** OpenAI itself: bytes from {@code /content}, a 1 s poll hint, no gateway quirks. */
    public static OpenAiSettings defaults() {
        return new OpenAiSettings(ContentDelivery.DIRECT, DEFAULT_POLL_AFTER, Set.of());
    }

    public OpenAiSettings withContentDelivery(ContentDelivery delivery) {
        return new OpenAiSettings(delivery, pollAfter, gatewayQuirks);
    }

    public OpenAiSettings withPollAfter(Duration hint) {
        return new OpenAiSettings(contentDelivery, hint, gatewayQuirks);
    }

    public OpenAiSettings withGatewayQuirks(GatewayQuirk... quirks) {
        return new OpenAiSettings(contentDelivery, pollAfter, Set.of(quirks));
    }
}
