package io.imagine4j.cli;

import io.imagine4j.core.job.JobState;
import io.imagine4j.core.model.JobId;
import io.vavr.control.Option;

/**
 * What a person sees while a job runs and its video downloads: progress bars on a terminal
 * ({@link ProgressBars}), plain lines elsewhere ({@link ProgressLines}), nothing when quiet.
 */
interface Progress {

    /** Shows nothing: {@code --quiet}, {@code --json}. */
    Progress NONE = new Progress() {
        @Override
        public void jobStarted(JobId id, JobState state) {
        }

        @Override
        public void job(JobState state) {
        }

        @Override
        public void jobEnded(JobState state) {
        }

        @Override
        public void downloadStarted(String file) {
        }

        @Override
        public void downloaded(long bytes, Option<Long> total) {
        }

        @Override
        public void downloadEnded() {
        }
    };

    static Progress of(CliEnvironment env, CommonOptions options) {
        if (options.quiet || options.json) {
            return NONE;
        }
        return env.interactive() ? new ProgressBars(env) : new ProgressLines(env.err());
    }

    /** The command starts following job {@code id}. */
    void jobStarted(JobId id, JobState state);

    /** The job's state now (called on every change, and every so often). */
    void job(JobState state);

    /** The job ended, or the command stopped following it. */
    void jobEnded(JobState state);

    void downloadStarted(String file);

    void downloaded(long bytes, Option<Long> total);

    void downloadEnded();
}
