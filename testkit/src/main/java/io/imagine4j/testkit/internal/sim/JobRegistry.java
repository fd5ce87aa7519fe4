package io.imagine4j.testkit.internal.sim;

import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.sim.HttpSimulator;
import io.imagine4j.testkit.sim.SimJob;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The jobs one simulator knows, in submission order, with ids from the simulator's own generator
 * (xAI request ids, OpenAI {@code video_…}, Oxen generation ids). A simulator creates jobs through
 * {@link HttpSimulator#admit}; list and delete endpoints use {@link #all()} and {@link #remove}.
 *
 * <pre>{@code
 * List<SimJob<MyJob>> page = registry().all();            // oldest first, for a list endpoint
 * boolean existed = registry().remove(id);                // a DELETE
 * }</pre>
 *
 * @param <P> the simulator's own record of a request
 */
public final class JobRegistry<P> {

    private final Supplier<String> ids;
    private final Map<String, SimJob<P>> jobs = new LinkedHashMap<>();

    public JobRegistry(Supplier<String> ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public synchronized SimJob<P> create(P params, Scenario scenario, Instant submittedAt) {
        String id = ids.get();
        while (jobs.containsKey(id)) {
            id = ids.get();
        }
        SimJob<P> job = new SimJob<>(id, params, scenario, submittedAt);
        jobs.put(id, job);
        return job;
    }

    public synchronized Option<SimJob<P>> find(String id) {
        return Option.of(jobs.get(id));
    }

    /** Forgets one job (a provider's delete); returns whether it existed. */
    public synchronized boolean remove(String id) {
        return jobs.remove(id) != null;
    }

    /** Every job, oldest first. */
    public synchronized List<SimJob<P>> all() {
        return List.copyOf(jobs.values());
    }

    public synchronized int size() {
        return jobs.size();
    }

    public synchronized void clear() {
        jobs.clear();
    }
}
