package io.imagine4j.reliability.matrix;

import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.testkit.sim.HttpSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.vavr.control.Option;

import java.net.URI;

/**
 * One provider under test: its simulator (on the real clock, so the service's real scheduler and the
 * simulator agree on time), how to build its adapter with the canary key and quick timeouts, and a
 * request it accepts.
 */
public interface Target extends AutoCloseable {

    /** {@code xai}, {@code openai} or {@code oxen}. */
    String name();

    HttpSimulator<?> simulator();

    /** The adapter on {@code baseUrl}, with the canary key, short timeouts and {@code wire}'s choices. */
    VideoProvider provider(URI baseUrl, Wire wire);

    /** A small text-to-video request the provider accepts (its prompt may carry simulator directives). */
    VideoRequest request(String directives);

    /** Whether the provider pushes job ends (Oxen's event stream). */
    boolean pushes();

    @Override
    default void close() {
        simulator().close();
    }

    /**
     * Choices about the wire a cell may make.
     *
     * @param push             whether a pushing provider listens to its event stream (off: it is polled)
     * @param maxResponseBytes the largest API answer read into memory
     * @param meters           where the HTTP client meters go, if anywhere
     */
    record Wire(boolean push, int maxResponseBytes, Option<MeterRegistry> meters) {

        /** Push on, answers above 1 MiB refused, no meters. */
        public static Wire standard() {
            return new Wire(true, 1024 * 1024, Option.none());
        }

        public Wire polled() {
            return new Wire(false, maxResponseBytes, meters);
        }

        public Wire metered(MeterRegistry registry) {
            return new Wire(push, maxResponseBytes, Option.some(registry));
        }
    }
}
