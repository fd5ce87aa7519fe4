package io.imagine4j.testkit.oxen;

import java.time.Duration;
import java.util.Objects;

/**
 * What the Oxen simulator does beyond the shared {@code SimulatorOptions}: how often its event
 * stream sends a keep-alive comment (Oxen: every 15 s). Tests on the manual clock may shorten it,
 * though advancing the clock by 15 s costs nothing.
 *
 * <pre>{@code
 * OxenSimulator oxen = OxenSimulator.start(SimulatorOptions.forTests(), OxenOptions.defaults().withKeepAlive(Duration.ofSeconds(1)));
 * }</pre>
 *
 * @param keepAlive the time between two {@code : keep-alive} comments on an open event stream
 */
public record OxenOptions(Duration keepAlive) {

    /** What the live service sends. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);

    public OxenOptions {
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("the keep-alive interval must be positive, got " + keepAlive);
        }
    }

    public static OxenOptions defaults() {
        return new OxenOptions(DEFAULT_KEEP_ALIVE);
    }

    public OxenOptions withKeepAlive(Duration interval) {
        return new OxenOptions(interval);
    }
}
