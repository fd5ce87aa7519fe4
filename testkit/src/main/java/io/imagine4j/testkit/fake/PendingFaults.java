package io.imagine4j.testkit.fake;

import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.FaultPlan;
import io.vavr.control.Option;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Faults waiting for the next calls of each kind, first planned first used. Not thread-safe: the
 * fake guards it with its own lock.
 */
final class PendingFaults {

    private final Map<Call, Deque<Remaining>> byCall = new EnumMap<>(Call.class);

    void add(FaultPlan plan) {
        byCall.computeIfAbsent(plan.call(), call -> new ArrayDeque<>()).addLast(new Remaining(plan.fault(), plan.times()));
    }

    /** Uses up the next fault planned for {@code call}, if any. */
    Option<Fault> take(Call call) {
        return takeIf(call, fault -> true);
    }

    /** Uses up the next fault planned for {@code call} when it matches {@code which}; otherwise leaves it waiting. */
    Option<Fault> takeIf(Call call, Predicate<Fault> which) {
        Deque<Remaining> waiting = byCall.get(call);
        if (waiting == null || waiting.isEmpty() || !which.test(waiting.peekFirst().fault)) {
            return Option.none();
        }
        Remaining next = waiting.peekFirst();
        next.left--;
        if (next.left == 0) {
            waiting.removeFirst();
        }
        return Option.some(next.fault);
    }

    boolean isEmpty(Call call) {
        Deque<Remaining> waiting = byCall.get(call);
        return waiting == null || waiting.isEmpty();
    }

    void clear() {
        byCall.clear();
    }

    private static final class Remaining {
        private final Fault fault;
        private int left;

        private Remaining(Fault fault, int left) {
            this.fault = fault;
            this.left = left;
        }
    }
}
