package io.imagine4j.core.port.out;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;

/** Receives what a {@link JobEventSource} pushes. */
public interface PushListener {

    /**
     * The stream is (again) connected. Events sent while it was down are lost, so the service
     * re-checks every open job by polling once.
     */
    void onConnected();

    /** A job changed. */
    void onUpdate(JobId jobId, JobUpdate update);

    /** The stream dropped; the source reconnects by itself, and polling takes over meanwhile. */
    void onDisconnected(JobFailure reason);
}
