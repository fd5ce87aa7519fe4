package io.imagine4j.testkit.oxen;

import io.imagine4j.core.job.JobStatus;
import io.imagine4j.testkit.scenario.Step;
import io.imagine4j.testkit.sim.SimJob;
import io.vavr.control.Option;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A generation as Oxen shows it at one instant: its wire status ({@code queued processing
 * succeeded failed cancelled}), when it started and ended, and its result URL or error message.
 */
record GenerationState(String status, Option<Instant> startedAt, Option<Instant> completedAt, Option<URI> resultUrl,
                       Option<String> error) {

    static final String QUEUED = "queued";
    static final String PROCESSING = "processing";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";
    static final Set<String> STATUSES = Set.of(QUEUED, PROCESSING, SUCCEEDED, FAILED, CANCELLED);

    GenerationState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(resultUrl, "resultUrl");
        Objects.requireNonNull(error, "error");
    }

    static GenerationState queued() {
        return new GenerationState(QUEUED, Option.none(), Option.none(), Option.none(), Option.none());
    }

    static GenerationState processing(Instant startedAt) {
        return new GenerationState(PROCESSING, Option.some(startedAt), Option.none(), Option.none(), Option.none());
    }

    static GenerationState succeeded(Instant startedAt, Instant completedAt, URI resultUrl) {
        return new GenerationState(SUCCEEDED, Option.some(startedAt), Option.some(completedAt), Option.some(resultUrl), Option.none());
    }

    static GenerationState failed(Instant startedAt, Instant completedAt, String error) {
        return new GenerationState(FAILED, Option.some(startedAt), Option.some(completedAt), Option.none(), Option.some(error));
    }

    static GenerationState cancelled(Option<Instant> startedAt, Instant cancelledAt) {
        return new GenerationState(CANCELLED, startedAt, Option.some(cancelledAt), Option.none(), Option.none());
    }

    boolean isTerminal() {
        return status.equals(SUCCEEDED) || status.equals(FAILED) || status.equals(CANCELLED);
    }

    /** When the job starts processing: its scenario's first running step, or its end if it has none before. */
    static Instant startsAt(SimJob<?> job) {
        return job.scenario().steps().stream()
                .filter(step -> step.status() == JobStatus.RUNNING)
                .map(Step::at)
                .filter(at -> at.compareTo(job.scenario().processingTime()) < 0)
                .findFirst()
                .map(at -> job.submittedAt().plus(at))
                .orElse(job.endsAt());
    }
}
