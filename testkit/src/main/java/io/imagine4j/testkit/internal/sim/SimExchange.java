package io.imagine4j.testkit.internal.sim;

import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.sim.SimJob;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a route handler works with: the request, its path parameters, the simulator's time, and the
 * fault (if any) that shapes this call's answer.
 *
 * <p>A fault aimed at this kind of call by {@code failNext} is picked before the handler runs; if it
 * refuses the call (429, 5xx, 400, 401, 404…) the handler never runs. Otherwise the handler runs
 * and, once it knows which job the call concerns, calls {@link #faultOf(SimJob)}: the job's own
 * scripted fault for this call is picked there, and a refusal is returned for the handler to send
 * instead of doing the work. Faults that alter a normal answer (reset, slow body, malformed JSON,
 * empty body, dropped stream) are applied by the simulator to whatever the handler returns.
 *
 * <pre>{@code
 * private Reply poll(SimExchange exchange) {
 *     SimJob<MyJob> job = job(exchange.param("id")).getOrElseThrow(() -> RejectedCall.notFound("no such job"));
 *     Option<Reply> refusal = exchange.faultOf(job);          // e.g. #sim:poll-503
 *     return refusal.getOrElse(() -> render(job.moment(exchange.now())));
 * }
 * }</pre>
 */
public final class SimExchange {

    private final Refusals refusals;
    private final SimRequest request;
    private final Route route;
    private final Map<String, String> params;
    private final Instant now;
    private Option<Fault> fault;

    public SimExchange(Refusals refusals, SimRequest request, Route route, Map<String, String> params, Instant now,
                Option<Fault> fault) {
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.request = request;
        this.route = route;
        this.params = Map.copyOf(params);
        this.now = now;
        this.fault = fault;
    }

    public SimRequest request() {
        return request;
    }

    /** A path parameter of the route pattern ({@code request_id} of {@code /v1/videos/{request_id}}). */
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route " + route.pattern() + " has no parameter " + name);
        }
        return value;
    }

    public Call call() {
        return route.call();
    }

    public Route route() {
        return route;
    }

    /** Simulator time when the request arrived; one instant for the whole call. */
    public Instant now() {
        return now;
    }

    /** The fault shaping this call's answer, if any. */
    public Option<Fault> fault() {
        return fault;
    }

    /**
     * Picks {@code job}'s own fault for this call, unless one is already chosen, and returns the
     * refusal to send if that fault refuses the call.
     */
    public Option<Reply> faultOf(SimJob<?> job) {
        if (fault.isEmpty()) {
            fault = job.faults().take(call());
            if (fault.isDefined()) {
                return refusals.refusalFor(fault.get(), this);
            }
        }
        return Option.none();
    }

    /** Makes {@code chosen} this call's fault (the submit path, where the job does not exist yet). */
    public Option<Reply> adopt(Fault chosen) {
        Objects.requireNonNull(chosen, "chosen");
        fault = Option.some(chosen);
        return refusals.refusalFor(chosen, this);
    }
}
