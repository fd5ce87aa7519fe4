package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.FaultPlan;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Faults waiting for their calls: each plan answers its next {@code times} calls of its kind, plans
 * of one kind in the order they were added. Thread-safe.
 *
 * <pre>{@code
 * FaultBook book = new FaultBook(List.of(new FaultPlan(Call.POLL, new Fault.ServerError(503), 2)));
 * book.take(Call.POLL);   // Some(503), then Some(503), then None
 * }</pre>
 */
public final class FaultBook {

    private final List<Pending> pending = new ArrayList<>();

    public FaultBook() {
    }

    public FaultBook(List<FaultPlan> plans) {
        plans.forEach(this::add);
    }

    public synchronized void add(FaultPlan plan) {
        pending.add(new Pending(plan.call(), plan.fault(), plan.times()));
    }

    /** Uses up one call's worth of the first plan aimed at {@code call}. */
    public synchronized Option<Fault> take(Call call) {
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending plan = it.next();
            if (plan.call == call) {
                plan.remaining--;
                if (plan.remaining == 0) {
                    it.remove();
                }
                return Option.some(plan.fault);
            }
        }
        return Option.none();
    }

    public synchronized boolean isEmpty() {
        return pending.isEmpty();
    }

    public synchronized void clear() {
        pending.clear();
    }

    private static final class Pending {
        final Call call;
        final Fault fault;
        int remaining;

        Pending(Call call, Fault fault, int remaining) {
            this.call = call;
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
