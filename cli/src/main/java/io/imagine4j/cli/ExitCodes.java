package io.imagine4j.cli;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;

/** The command's exit codes, one meaning each, so scripts can act on them. */
final class ExitCodes {

    static final int SUCCESS = 0;
    /** The job store could not be used, or something unexpected went wrong (a bug: please report it). */
    static final int UNEXPECTED = 1;
    /** Invalid input or usage, or a cost above {@code --max-cost}; no request was submitted. */
    static final int INVALID_INPUT = 2;
    /** The job failed, expired or was cancelled. */
    static final int JOB_FAILED = 3;
    /** The job was rejected by content moderation. */
    static final int MODERATED = 4;
    /** The wait ran out; the job is still running, its id was printed, and it is in the store. */
    static final int TIMED_OUT = 5;
    /** The API key was refused or lacks permission. */
    static final int AUTHENTICATION = 6;
    /** A submit failed in a way that leaves open whether a job was started; it was not sent again. */
    static final int OUTCOME_UNKNOWN = 7;
    /** Interrupted (Ctrl-C); the job stays in the store, to be finished with {@code imagine4j resume}. */
    static final int INTERRUPTED = 130;

    /** For {@code --help}; picocli turns {@code %n} into line breaks. */
    static final String TABLE = "Exit codes:%n"
            + "  0    success%n"
            + "  1    the job store could not be used, or an unexpected error%n"
            + "  2    invalid input or usage, or above --max-cost (nothing was submitted)%n"
            + "  3    the job failed, expired or was cancelled%n"
            + "  4    rejected by content moderation%n"
            + "  5    timed out waiting (the job goes on, kept in the store; its id is printed)%n"
            + "  6    authentication or permission refused%n"
            + "  7    submission outcome unknown (not sent again, to avoid paying twice)%n"
            + "  130  interrupted (Ctrl-C); finish the job with: imagine4j resume";

    private ExitCodes() {
    }

    /**
     * The exit code for a failure. A request the provider refused as invalid before starting any
     * job is invalid input; the same refusal of a running job is a failed job.
     */
    static int of(JobFailure failure, boolean accepted) {
        return switch (failure.kind()) {
            case MODERATION -> MODERATED;
            case AUTHENTICATION, PERMISSION -> AUTHENTICATION;
            case SUBMISSION_OUTCOME_UNKNOWN -> OUTCOME_UNKNOWN;
            case TIMEOUT -> "await_timeout".equals(failure.code()) ? TIMED_OUT : JOB_FAILED;
            case INVALID_REQUEST -> accepted ? JOB_FAILED : INVALID_INPUT;
            case BUDGET_EXCEEDED -> INVALID_INPUT;
            default -> failure.kind() == FailureKind.CANCELLED && "interrupted".equals(failure.code())
                    ? INTERRUPTED : JOB_FAILED;
        };
    }
}
