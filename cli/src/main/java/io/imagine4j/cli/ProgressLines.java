package io.imagine4j.cli;

import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.model.JobId;
import io.vavr.control.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Progress as plain lines, for logs and pipes: one line when the status or the percentage changes. */
final class ProgressLines implements Progress {

    private final PrintStream err;
    private JobId id;
    private Instant started = Instant.now();
    private JobStatus status;
    private Option<Integer> percent = Option.none();

    ProgressLines(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void jobStarted(JobId jobId, JobState state) {
        id = jobId;
        started = Instant.now();
        status = null;
        percent = Option.none();
        job(state);
    }

    @Override
    public synchronized void job(JobState state) {
        if (state.status() == status && state.progress().equals(percent)) {
            return;
        }
        status = state.status();
        percent = state.progress();
        err.println("Job " + id + " is " + describe(state) + " · " + Duration.between(started, Instant.now()).toSeconds() + "s");
    }

    @Override
    public void jobEnded(JobState state) {
        job(state);
    }

    @Override
    public void downloadStarted(String file) {
        err.println("Downloading to " + file + " …");
    }

    @Override
    public void downloaded(long bytes, Option<Long> total) {
        // One line at the end is enough in a log: "Saved …".
    }

    @Override
    public void downloadEnded() {
    }

    static String describe(JobState state) {
        JobStatus status = state.status();
        return status.name().toLowerCase(Locale.ROOT)
                + state.progress().filter(p -> !status.isTerminal()).map(p -> " " + p + "%").getOrElse("");
    }
}
