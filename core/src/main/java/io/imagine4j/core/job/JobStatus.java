package io.imagine4j.core.job;

/**
 * One status vocabulary for every backend. Adapters map their wire statuses onto these and keep
 * the raw string for diagnostics. A job only ever moves forward: {@code QUEUED} before
 * {@code RUNNING} before one of the four terminal statuses, which it never leaves.
 */
public enum JobStatus {
    QUEUED(0),
    RUNNING(1),
    SUCCEEDED(2),
    FAILED(2),
    CANCELLED(2),
    EXPIRED(2);

    private final int rank;

    JobStatus(int rank) {
        this.rank = rank;
    }

    public boolean isTerminal() {
        return rank == 2;
    }

    /** Position in the only allowed order: 0 queued, 1 running, 2 terminal. */
    public int rank() {
        return rank;
    }
}
