package io.imagine4j.testkit.internal.sim;

import io.imagine4j.testkit.scenario.Fault;
import io.vavr.control.Option;

/**
 * How a simulator refuses a call because of a fault: the answer to send instead of doing the
 * call's work, or none when the fault only alters the normal answer. A {@link SimExchange} asks it
 * once the fault of its call is chosen.
 *
 * <pre>{@code
 * Refusals refusals = (fault, exchange) -> fault instanceof Fault.NotFound
 *         ? Option.some(Reply.empty(404)) : Option.none();
 * }</pre>
 */
@FunctionalInterface
public interface Refusals {

    /** The refusal to send for {@code fault} on {@code exchange}, or none when the call goes on. */
    Option<Reply> refusalFor(Fault fault, SimExchange exchange);
}
