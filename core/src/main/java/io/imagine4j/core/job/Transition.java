package io.imagine4j.core.job;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * The effect of one update on one job: the state before and after, and, when the update was
 * ignored (a job never moves backwards, and terminal states are final), why.
 */
public record Transition(JobState before, JobState after, Option<String> ignoredBecause) {

    public Transition {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(ignoredBecause, "ignoredBecause");
    }

    public boolean statusChanged() {
        return before.status() != after.status();
    }

    public boolean progressChanged() {
        return !before.progress().equals(after.progress());
    }

    public boolean isIgnored() {
        return ignoredBecause.isDefined();
    }

    /** Whether this transition ended the job. */
    public boolean finished() {
        return statusChanged() && after.isTerminal();
    }
}
