package io.imagine4j.cli;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.JobStoreException;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One run's job service: on one backend, recording every job in the durable store under this
 * process's short leases. Closing it stops following jobs and releases their leases at once, so
 * {@code imagine4j resume} can take them up without waiting. Jobs on an embedded simulator end
 * with it: the simulator stops with the command, so they are recorded as cancelled, not left to be
 * resumed against nothing.
 */
final class Session implements AutoCloseable {

    private final Backend backend;
    private final JobStore store;
    private final VideoJobService jobs;
    private final Claims claims = new Claims();
    private final Set<SubmissionKey> submitted = ConcurrentHashMap.newKeySet();
    private final Duration leaseDuration;

    private Session(Backend backend, JobStore store, ServiceSettings settings) {
        this.backend = backend;
        this.store = store;
        this.leaseDuration = settings.leaseDuration();
        this.jobs = VideoJobService.builder(backend.provider()).store(store).settings(settings).threads(2)
                .instance(instanceName()).listener(claims).build();
    }

    /** Opens a service on {@code backend}; the session closes the backend. */
    static Session open(Backend backend, JobStore store, ServiceSettings settings) {
        try {
            return new Session(backend, store, settings);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** Settings that keep claiming, as their leases lapse, the jobs of a process that died. */
    static ServiceSettings takingOver(ServiceSettings settings) {
        Duration every = settings.leaseDuration().dividedBy(5);
        return settings.withTakeoverEvery(every.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : every);
    }

    VideoJobService jobs() {
        return jobs;
    }

    Backend backend() {
        return backend;
    }

    Duration leaseDuration() {
        return leaseDuration;
    }

    Claims claims() {
        return claims;
    }

    /** Notes a job submitted by this run (an embedded simulator's are ended when the run ends). */
    void submitted(SubmissionKey key) {
        submitted.add(key);
    }

    @Override
    public void close() {
        try {
            jobs.close();
            if (backend.embedded()) {
                endSimulatedJobs();
            }
        } finally {
            backend.close();
        }
    }

    private void endSimulatedJobs() {
        JobFailure stopped = JobFailure.of(FailureKind.CANCELLED, "simulator_stopped", "The embedded simulator stopped with"
                + " the command that ran it, so this simulated job cannot finish; nothing was billed.");
        for (SubmissionKey key : submitted) {
            try {
                store.find(key).filter(record -> !record.isFinished())
                        .forEach(record -> store.save(ended(record, stopped)));
            } catch (JobStoreException e) {
                // The record stays unfinished; resume ends it as not found.
            }
        }
    }

    private static JobRecord ended(JobRecord record, JobFailure failure) {
        JobState state = record.state();
        return record.withState(new JobState(JobStatus.CANCELLED, state.progress(), state.rawStatus(),
                Option.none(), Option.some(failure), Instant.now()));
    }

    /** Names this process in the leases of a shared store: host and process id, never a secret. */
    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return "imagine4j-cli@" + host + ":" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }
}
