package io.imagine4j.testkit.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulator runs: its clock, the API keys it accepts, the port it binds when it serves
 * alone (0: an ephemeral port), how long its result URLs stay valid, and whether its videos show
 * the request that made them.
 *
 * <pre>{@code
 * SimulatorOptions strict = SimulatorOptions.forTests().withKeys(ApiKeys.exactly("test-key"));
 * }</pre>
 *
 * @param clock     the simulator's time
 * @param keys      which credentials pass
 * @param port      the loopback port when serving alone; 0 picks a free one
 * @param resultTtl how long after a job ends its result URL still serves the video
 * @param captions  whether result videos carry the request's prompt, model and length as a caption
 *                  drawn into their frames (off by default: a captioned video is encoded for its
 *                  job alone, while plain ones are shared by length, which keeps load tests cheap)
 */
public record SimulatorOptions(SimulatorClock clock, ApiKeys keys, int port, Duration resultTtl, boolean captions) {

    /** Result URLs of the real services last about a day. */
    public static final Duration DEFAULT_RESULT_TTL = Duration.ofHours(24);

    public SimulatorOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(resultTtl, "resultTtl");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (ephemeral) or 1-65535, got " + port);
        }
        if (resultTtl.isNegative() || resultTtl.isZero()) {
            throw new IllegalArgumentException("result TTL must be positive, got " + resultTtl);
        }
    }

    /** A manual clock, any non-empty key, an ephemeral port. */
    public static SimulatorOptions forTests() {
        return new SimulatorOptions(SimulatorClock.manual(), ApiKeys.anyNonEmpty(), 0, DEFAULT_RESULT_TTL, false);
    }

    /** The wall clock, any non-empty key, an ephemeral port. */
    public static SimulatorOptions realTime() {
        return new SimulatorOptions(SimulatorClock.system(), ApiKeys.anyNonEmpty(), 0, DEFAULT_RESULT_TTL, false);
    }

    public SimulatorOptions withClock(SimulatorClock newClock) {
        return new SimulatorOptions(newClock, keys, port, resultTtl, captions);
    }

    public SimulatorOptions withKeys(ApiKeys newKeys) {
        return new SimulatorOptions(clock, newKeys, port, resultTtl, captions);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(clock, keys, newPort, resultTtl, captions);
    }

    public SimulatorOptions withResultTtl(Duration newTtl) {
        return new SimulatorOptions(clock, keys, port, newTtl, captions);
    }

    /**
     * Whether result videos show the request that made them, a caption drawn into every frame, so
     * a person watching one sees the round trip (the command line's embedded simulator does this).
     *
     * <pre>{@code
     * XaiSimulator xai = XaiSimulator.start(SimulatorOptions.realTime().withCaptions(true));
     * }</pre>
     */
    public SimulatorOptions withCaptions(boolean on) {
        return new SimulatorOptions(clock, keys, port, resultTtl, on);
    }
}
