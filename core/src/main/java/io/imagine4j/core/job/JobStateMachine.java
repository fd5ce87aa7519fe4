package io.imagine4j.core.job;

import io.vavr.control.Option;

import java.time.Instant;

/**
 * The only way a job's state changes. Total over every (state, update) pair:
 * <ul>
 *   <li>terminal states absorb: nothing moves a job out of {@code SUCCEEDED}, {@code FAILED},
 *       {@code CANCELLED} or {@code EXPIRED};</li>
 *   <li>a job never moves backwards: a stale {@code QUEUED} after {@code RUNNING} is ignored;</li>
 *   <li>progress never decreases, and reaches 100 on success.</li>
 * </ul>
 * An update that would break a rule is ignored, and the transition says why, so it can be reported.
 *
 * <pre>{@code
 * Transition t = JobStateMachine.apply(state, JobUpdate.running("pending").withProgress(40), clock.instant());
 * }</pre>
 */
public final class JobStateMachine {

    private JobStateMachine() {
    }

    public static Transition apply(JobState state, JobUpdate update, Instant now) {
        JobStatus from = state.status();
        JobStatus to = update.status();
        if (from.isTerminal()) {
            Option<String> reason = from == to ? Option.none()
                    : Option.some("the job already ended " + from + "; a later " + to + " ("
                            + raw(update) + ") cannot change that");
            return new Transition(state, state, reason);
        }
        if (to.rank() < from.rank()) {
            return new Transition(state, state, Option.some("the job is " + from + "; a stale " + to + " ("
                    + raw(update) + ") would move it backwards"));
        }
        Option<Integer> progress = to == JobStatus.SUCCEEDED ? Option.some(100) : highest(state.progress(), update.progress());
        boolean moved = to != from;
        boolean progressed = !progress.equals(state.progress());
        boolean rawChanged = !update.rawStatus().isEmpty() && !update.rawStatus().equals(state.rawStatus());
        if (!moved && !progressed && !rawChanged) {
            return new Transition(state, state, Option.none());
        }
        JobState next = new JobState(to, progress, update.rawStatus().isEmpty() ? state.rawStatus() : update.rawStatus(),
                update.result(), update.failure(), moved || progressed ? now : state.updatedAt());
        return new Transition(state, next, Option.none());
    }

    private static Option<Integer> highest(Option<Integer> current, Option<Integer> reported) {
        if (reported.isEmpty()) {
            return current;
        }
        if (current.isEmpty()) {
            return reported;
        }
        return Option.some(Math.max(current.get(), reported.get()));
    }

    private static String raw(JobUpdate update) {
        return update.rawStatus().isEmpty() ? "no wire status" : "wire status '" + update.rawStatus() + "'";
    }
}
