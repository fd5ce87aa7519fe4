package io.imagine4j.cli;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;

/** The command's exit codes, one meaning each, so scripts can act on them. */
final class ExitCodes {

    static final int SUCCESS = 0;
    /** Invalid input or usage; no request was submitted. */
    static final int INVALID_INPUT = 2;
    /** The job failed or expired. */
    static final int JOB_FAILED = 3;
    /** The job was rejected by content moderation. */
    static final int MODERATED = 4;
    /** The wait ran out; the job is still running and its id was printed. */
    static final int TIMED_OUT = 5;
    /** The API key was refused or lacks permission. */
    static final int AUTHENTICATION = 6;
    /** A submit failed in a way that leaves open whether a job was started; it was not sent again. */
    static final int OUTCOME_UNKNOWN = 7;
    /** Interrupted (Ctrl-C). */
    static final int INTERRUPTED = 130;

    /** For {@code --help}; picocli turns {@code %n} into line breaks. */
    static final String TABLE = "Exit codes:%n"
            + "  0    success%n"
            + "  2    invalid input or usage (nothing was submitted)%n"
            + "  3    the job failed or expired%n"
            + "  4    rejected by content moderation%n"
            + "  5    timed out waiting (the job is still running; its id is printed)%n"
            + "  6    authentication or permission refused%n"
            + "  7    submission outcome unknown (not sent again, to avoid paying twice)%n"
            + "  130  interrupted";

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
            default -> failure.kind() == FailureKind.CANCELLED && "interrupted".equals(failure.code())
                    ? INTERRUPTED : JOB_FAILED;
        };
    }
}
