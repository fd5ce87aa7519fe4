package io.imagine4j.core.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * One service instance's claim on a job in a shared {@link JobStore}: while it holds the lease no
 * other instance follows the job; when it stops renewing (the instance died), the lease lapses at
 * {@code until} and another instance may claim the job.
 *
 * @param owner the instance's id (never a secret; random per service unless configured)
 * @param until when the lease lapses unless renewed
 */
public record Lease(String owner, Instant until) {

    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(until, "until");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("A lease names its owner");
        }
    }
}
