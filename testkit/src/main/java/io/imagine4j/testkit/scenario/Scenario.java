package io.imagine4j.testkit.scenario;

import io.imagine4j.core.job.JobStatus;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How one simulated job behaves: the statuses and progress it reports over time, how long it takes,
 * how it ends, and the faults aimed at its calls. The same vocabulary drives
 * {@code FakeVideoProvider} and the three HTTP simulators.
 *
 * <pre>{@code
 * Scenario slow      = Scenario.succeeds().withProcessingTime(Duration.ofSeconds(20));
 * Scenario moderated = Scenario.moderated();
 * Scenario flaky     = Scenario.succeeds().withFault(FaultPlan.once(Call.POLL, new Fault.ServerError(503)));
 * }</pre>
 *
 * @param steps          the non-terminal statuses over time, by their start; the first starts at 0
 * @param processingTime when, after the submit, the job reaches its outcome
 * @param outcome        how the job ends
 * @param faults         faults for this job's own calls (polls, content, cancel)
 */
public record Scenario(List<Step> steps, Duration processingTime, Outcome outcome, List<FaultPlan> faults) {

    /** What an ordinary job takes: long enough to see it run, short enough for a demo. */
    public static final Duration DEFAULT_PROCESSING_TIME = Duration.ofSeconds(3);

    public Scenario {
        Objects.requireNonNull(processingTime, "processingTime");
        Objects.requireNonNull(outcome, "outcome");
        if (processingTime.isNegative()) {
            throw new IllegalArgumentException("processing time cannot be negative: " + processingTime);
        }
        List<Step> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(Step::at));
        if (sorted.isEmpty() || !sorted.get(0).at().isZero()) {
            sorted.add(0, Step.queued(Duration.ZERO));
        }
        steps = List.copyOf(sorted);
        faults = List.copyOf(faults);
    }

    /** Queued, then running through 10, 35, 65 and 90 %, then a successful result after 3 s. */
    public static Scenario succeeds() {
        return succeedsAfter(DEFAULT_PROCESSING_TIME);
    }

    public static Scenario succeedsAfter(Duration processingTime) {
        return new Scenario(defaultSteps(processingTime), processingTime, new Outcome.Succeed(), List.of());
    }

    public static Scenario fails(String code, String message) {
        return succeeds().withOutcome(new Outcome.Fail(code, message));
    }

    public static Scenario moderated() {
        return succeeds().withOutcome(new Outcome.Moderated());
    }

    public static Scenario expires() {
        return succeeds().withOutcome(new Outcome.Expire());
    }

    /** Done at the first look: no queued or running phase worth seeing. */
    public static Scenario instant() {
        return succeedsAfter(Duration.ZERO);
    }

    /** The same life, stretched or squeezed to end after {@code time}. */
    public Scenario withProcessingTime(Duration time) {
        if (processingTime.isZero()) {
            return new Scenario(defaultSteps(time), time, outcome, faults);
        }
        double scale = (double) time.toNanos() / processingTime.toNanos();
        List<Step> scaled = steps.stream()
                .map(step -> new Step(Duration.ofNanos(Math.round(step.at().toNanos() * scale)), step.status(), step.progress()))
                .toList();
        return new Scenario(scaled, time, outcome, faults);
    }

    public Scenario withOutcome(Outcome end) {
        return new Scenario(steps, processingTime, end, faults);
    }

    /** Replaces the status steps; a step at 0 (queued) is added if none starts there. */
    public Scenario withSteps(Step... newSteps) {
        return new Scenario(List.of(newSteps), processingTime, outcome, faults);
    }

    public Scenario withFault(FaultPlan fault) {
        List<FaultPlan> more = new ArrayList<>(faults);
        more.add(fault);
        return new Scenario(steps, processingTime, outcome, more);
    }

    /** Where the job stands {@code elapsed} after its submit. */
    public Moment at(Duration elapsed) {
        if (elapsed.compareTo(processingTime) >= 0) {
            return new Moment(terminalStatus(), Option.none(), Option.some(outcome));
        }
        Step current = steps.get(0);
        for (Step step : steps) {
            if (step.at().compareTo(elapsed) <= 0) {
                current = step;
            }
        }
        return new Moment(current.status(), current.progress(), Option.none());
    }

    private JobStatus terminalStatus() {
        if (outcome instanceof Outcome.Succeed) {
            return JobStatus.SUCCEEDED;
        }
        return outcome instanceof Outcome.Expire ? JobStatus.EXPIRED : JobStatus.FAILED;
    }

    private static List<Step> defaultSteps(Duration time) {
        long total = time.toNanos();
        return List.of(
                Step.queued(Duration.ZERO),
                Step.running(Duration.ofNanos(total * 15 / 100), 10),
                Step.running(Duration.ofNanos(total * 40 / 100), 35),
                Step.running(Duration.ofNanos(total * 65 / 100), 65),
                Step.running(Duration.ofNanos(total * 85 / 100), 90));
    }

    /**
     * A job's state at one moment: its status, its progress, and once ended its outcome.
     * A {@code FAILED} status comes from a {@link Outcome.Fail} or {@link Outcome.Moderated}.
     */
    public record Moment(JobStatus status, Option<Integer> progress, Option<Outcome> outcome) {
        /** Ended, by the scenario's outcome or otherwise (a simulator's cancel has no outcome). */
        public boolean isTerminal() {
            return status.isTerminal();
        }
    }
}
