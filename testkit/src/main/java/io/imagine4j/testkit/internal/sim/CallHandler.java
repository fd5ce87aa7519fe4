package io.imagine4j.testkit.internal.sim;

/** Answers one routed request. May throw {@link RejectedCall} to refuse it in the provider's shape. */
@FunctionalInterface
public interface CallHandler {
    Reply handle(SimExchange exchange);
}
