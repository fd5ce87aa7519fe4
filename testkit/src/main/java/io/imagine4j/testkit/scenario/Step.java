package io.imagine4j.testkit.scenario;

import io.imagine4j.core.job.JobStatus;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * One point of a simulated job's life: from {@code at} after its submit, the backend reports
 * {@code status} with {@code progress}. Steps hold non-terminal statuses; the end is the scenario's
 * {@link Outcome}.
 */
public record Step(Duration at, JobStatus status, Option<Integer> progress) {

    public Step {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(progress, "progress");
        if (at.isNegative()) {
            throw new IllegalArgumentException("a step cannot come before the submit: " + at);
        }
        if (status.isTerminal()) {
            throw new IllegalArgumentException("steps are QUEUED or RUNNING; the end is the scenario's outcome, got " + status);
        }
    }

    public static Step queued(Duration at) {
        return new Step(at, JobStatus.QUEUED, Option.none());
    }

    public static Step running(Duration at, int progress) {
        return new Step(at, JobStatus.RUNNING, Option.some(progress));
    }

    public static Step running(Duration at) {
        return new Step(at, JobStatus.RUNNING, Option.none());
    }
}
