package io.imagine4j.testkit.scenario;

import java.time.Duration;

/**
 * A test's handle on the backend behind a provider under test: what the next jobs do, which calls
 * fail, what time it is there, and what arrived. {@code FakeVideoProvider} and every simulator
 * implement it, so one contract test scripts them all the same way.
 *
 * <pre>{@code
 * backend.enqueue(Scenario.moderated());                          // the next submitted job
 * backend.failNext(Call.POLL, new Fault.ServerError(503));        // the next poll
 * backend.advance(Duration.ofSeconds(5));                         // backend time moves on
 * assertThat(backend.calls(Call.SUBMIT)).isEqualTo(1);
 * }</pre>
 */
public interface BackendControl {

    /** The next submitted job (in order, one per call) follows {@code scenario}. */
    void enqueue(Scenario scenario);

    /** The next {@code times} calls of kind {@code call}, whichever job they concern, fail with {@code fault}. */
    void failNext(Call call, Fault fault, int times);

    default void failNext(Call call, Fault fault) {
        failNext(call, fault, 1);
    }

    /** Moves the backend's clock forward; jobs progress by their scenario's timeline. */
    void advance(Duration delay);

    /** How many calls of kind {@code call} arrived (including those answered with a fault). */
    int calls(Call call);

    /** Forgets scripted scenarios, pending faults, jobs and counts. */
    void reset();
}
