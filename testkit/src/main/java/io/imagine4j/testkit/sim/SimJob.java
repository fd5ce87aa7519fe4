package io.imagine4j.testkit.sim;

import io.imagine4j.core.job.JobStatus;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Scenario;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One simulated job: its id, the request's parameters as the simulator understood them, the
 * {@link Scenario} it follows, and when it was submitted. Its state at any moment is
 * {@code scenario.at(now - submittedAt)}, unless it was cancelled before it ended.
 *
 * <pre>{@code
 * Scenario.Moment moment = job.moment(exchange.now());
 * if (moment.isTerminal()) { … moment.outcome().get() … } else { … moment.progress() … }
 * }</pre>
 *
 * @param <P> the simulator's own record of the request
 */
public final class SimJob<P> {

    private final String id;
    private final P params;
    private final Scenario scenario;
    private final Instant submittedAt;
    private final FaultBook faults;
    private Option<Instant> cancelledAt = Option.none();

    /** A job as the simulator's job registry creates it on an admitted submit; tests read jobs, they never make one. */
    public SimJob(String id, P params, Scenario scenario, Instant submittedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.params = Objects.requireNonNull(params, "params");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        // Submit faults were spent on the submit itself; the job keeps those of its later calls.
        this.faults = new FaultBook(scenario.faults().stream()
                .filter(plan -> plan.call() != Call.SUBMIT).toList());
    }

    public String id() {
        return id;
    }

    public P params() {
        return params;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** When the scenario reaches its outcome. */
    public Instant endsAt() {
        return submittedAt.plus(scenario.processingTime());
    }

    /** The faults still aimed at this job's own calls (polls, content, cancel, events). */
    public FaultBook faults() {
        return faults;
    }

    /**
     * Where the job stands at {@code now}. A cancelled job reports {@link JobStatus#CANCELLED} with
     * the progress it had (and no outcome) from the moment of its cancel on.
     */
    public synchronized Scenario.Moment moment(Instant now) {
        if (cancelledAt.isDefined() && !now.isBefore(cancelledAt.get())) {
            Scenario.Moment before = scenario.at(elapsed(cancelledAt.get()));
            return new Scenario.Moment(JobStatus.CANCELLED, before.progress(), Option.none());
        }
        return scenario.at(elapsed(now));
    }

    /** Time since the submit (zero if {@code now} is earlier). */
    public Duration elapsed(Instant now) {
        Duration elapsed = Duration.between(submittedAt, now);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    /**
     * Cancels the job at {@code now} unless it has already ended (or was cancelled).
     *
     * @return whether this call cancelled it
     */
    public synchronized boolean cancel(Instant now) {
        if (cancelledAt.isDefined() || moment(now).status().isTerminal()) {
            return false;
        }
        cancelledAt = Option.some(now);
        return true;
    }

    public synchronized Option<Instant> cancelledAt() {
        return cancelledAt;
    }

    @Override
    public String toString() {
        return "SimJob[" + id + ", submitted " + submittedAt + ", " + scenario.outcome() + " after " + scenario.processingTime() + "]";
    }
}
