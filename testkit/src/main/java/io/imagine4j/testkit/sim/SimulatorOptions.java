package io.imagine4j.testkit.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulator runs: its clock, the API keys it accepts, the port it binds when it serves
 * alone (0: an ephemeral port), and how long its result URLs stay valid.
 *
 * <pre>{@code
 * SimulatorOptions strict = SimulatorOptions.forTests().withKeys(ApiKeys.exactly("test-key"));
 * }</pre>
 *
 * @param clock     the simulator's time
 * @param keys      which credentials pass
 * @param port      the loopback port when serving alone; 0 picks a free one
 * @param resultTtl how long after a job ends its result URL still serves the video
 */
public record SimulatorOptions(SimulatorClock clock, ApiKeys keys, int port, Duration resultTtl) {

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
        return new SimulatorOptions(SimulatorClock.manual(), ApiKeys.anyNonEmpty(), 0, DEFAULT_RESULT_TTL);
    }

    /** The wall clock, any non-empty key, an ephemeral port. */
    public static SimulatorOptions realTime() {
        return new SimulatorOptions(SimulatorClock.system(), ApiKeys.anyNonEmpty(), 0, DEFAULT_RESULT_TTL);
    }

    public SimulatorOptions withClock(SimulatorClock newClock) {
        return new SimulatorOptions(newClock, keys, port, resultTtl);
    }

    public SimulatorOptions withKeys(ApiKeys newKeys) {
        return new SimulatorOptions(clock, newKeys, port, resultTtl);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(clock, keys, newPort, resultTtl);
    }

    public SimulatorOptions withResultTtl(Duration newTtl) {
        return new SimulatorOptions(clock, keys, port, newTtl);
    }
}
