package io.imagine4j.testkit.scenario;

import java.util.Objects;

/** A fault aimed at the next {@code times} calls of one kind. */
public record FaultPlan(Call call, Fault fault, int times) {

    public FaultPlan {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("a fault applies to at least one call, got " + times);
        }
    }

    public static FaultPlan once(Call call, Fault fault) {
        return new FaultPlan(call, fault, 1);
    }
}
