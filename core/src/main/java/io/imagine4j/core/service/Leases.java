package io.imagine4j.core.service;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.JobStoreException;
import io.imagine4j.core.port.out.Lease;
import io.imagine4j.core.port.out.Scheduler;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * This instance's claim on the jobs it follows, in a store other instances may share: a job it
 * creates is saved under its lease; while jobs are followed the leases are renewed at a third of
 * their duration (a job whose lease another instance took is handed over); where configured, jobs
 * whose instance died are claimed once their lease lapses. With a store of its own, the leases are
 * simply always held.
 */
final class Leases {

    private static final System.Logger LOG = System.getLogger(Leases.class.getName());

    private final JobDriver driver;
    private final JobStore store;
    private final Scheduler scheduler;
    private final ServiceSettings settings;
    private final String owner;
    private Scheduler.Task renewal;
    private Scheduler.Task takeover;
    private boolean closed;

    Leases(JobDriver driver, JobStore store, Scheduler scheduler, ServiceSettings settings, String owner) {
        this.driver = driver;
        this.store = store;
        this.scheduler = scheduler;
        this.settings = settings;
        this.owner = owner;
    }

    String owner() {
        return owner;
    }

    /** Saves a job this instance just created, held by this instance. */
    void saveHeld(JobRecord record) {
        store.save(record, lease());
    }

    /** Claims up to {@code limit} unfinished jobs of {@code provider} that no live instance holds. */
    List<JobRecord> claim(String provider, int limit) {
        return store.claim(provider, lease(), scheduler.now(), limit);
    }

    /** Claims the one job with {@code key}, if no other live instance holds it. */
    io.vavr.control.Option<JobRecord> claim(SubmissionKey key) {
        return store.claim(key, lease(), scheduler.now());
    }

    /** A job is followed: make sure its lease is renewed. */
    synchronized void following() {
        if (renewal == null && !closed) {
            renewal = scheduler.schedule(renewEvery(), this::renew);
        }
    }

    /** No job is followed any more: stop renewing until one is (a pending timer would keep a virtual clock busy). */
    synchronized void idle() {
        if (renewal != null && driver.following().isEmpty()) {
            renewal.cancel();
            renewal = null;
        }
    }

    /** Claims, every {@code settings.takeoverInterval()}, the jobs of instances that died. */
    synchronized void startTakeover(String provider) {
        settings.takeoverInterval().forEach(interval -> {
            if (takeover == null && !closed) {
                takeover = scheduler.schedule(interval, () -> takeOver(provider, interval));
            }
        });
    }

    /** Stops renewing and gives up every lease held, so another instance may resume the jobs at once. */
    void close(Collection<SubmissionKey> keys) {
        synchronized (this) {
            closed = true;
            cancel(renewal);
            cancel(takeover);
        }
        try {
            store.release(owner, List.copyOf(keys));
        } catch (JobStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "could not release the leases of " + keys.size() + " jobs; they lapse on their own", e);
        }
    }

    private void renew() {
        Set<SubmissionKey> keys = driver.following().stream().map(TrackedJob::key).collect(Collectors.toSet());
        synchronized (this) {
            renewal = null;
        }
        if (keys.isEmpty()) {
            return; // the next job followed starts renewing again
        }
        try {
            store.renew(lease(), keys, scheduler.now()).forEach(driver::lost);
        } catch (JobStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "could not renew the leases of " + keys.size() + " jobs; trying again", e);
        }
        following();
    }

    private void takeOver(String provider, Duration interval) {
        try {
            claim(provider, Integer.MAX_VALUE).forEach(driver::follow);
        } catch (JobStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "could not claim the jobs of lapsed leases; trying again", e);
        }
        synchronized (this) {
            takeover = closed ? null : scheduler.schedule(interval, () -> takeOver(provider, interval));
        }
    }

    private Lease lease() {
        return new Lease(owner, scheduler.now().plus(settings.leaseDuration()));
    }

    private Duration renewEvery() {
        return settings.leaseDuration().dividedBy(3);
    }

    private static void cancel(Scheduler.Task task) {
        if (task != null) {
            task.cancel();
        }
    }
}
