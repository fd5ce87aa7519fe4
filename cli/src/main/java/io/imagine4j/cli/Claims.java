package io.imagine4j.cli;

import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.job.SubmissionKey;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The stored jobs this process has claimed: the service says so with a {@code Resumed} event when
 * it starts following one (at {@code resume()}, or when its takeover claims a lapsed lease).
 */
final class Claims implements JobListener {

    private final Set<SubmissionKey> claimed = new HashSet<>();

    @Override
    public synchronized void onEvent(JobEvent event) {
        if (event instanceof JobEvent.Resumed resumed) {
            claimed.add(resumed.job().key());
            notifyAll();
        }
    }

    synchronized boolean has(SubmissionKey key) {
        return claimed.contains(key);
    }

    /** Waits until a job is claimed, or {@code most} passed. */
    synchronized void awaitClaim(Duration most) throws InterruptedException {
        wait(Math.max(1, most.toMillis()));
    }
}
