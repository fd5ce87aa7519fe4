package io.imagine4j.spring.jobs;

import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.Objects;

/**
 * Follows the store's unfinished jobs again once the application context has started (every bean
 * made, the web server started), so a restart loses no job. Jobs that were stored but whose
 * submit was never acknowledged are not sent again: they end as {@code SUBMISSION_OUTCOME_UNKNOWN}
 * unless the provider honours idempotency keys. Stopping does nothing: closing the
 * {@code VideoJobs} bean on shutdown stops following jobs and leaves them resumable.
 *
 * <pre>{@code
 * imagine4j.resume-on-start=false      # to resume yourself, or never
 * }</pre>
 */
public final class JobResumption implements SmartLifecycle {

    private static final Log LOG = LogFactory.getLog(JobResumption.class);

    private final VideoJobs jobs;
    private volatile boolean running;
    private volatile int resumed;

    public JobResumption(VideoJobs jobs) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    @Override
    public void start() {
        List<VideoJob> followed = jobs.resume();
        resumed = followed.size();
        running = true;
        if (!followed.isEmpty()) {
            LOG.info("imagine4j resumed " + followed.size() + " unfinished job(s) from its store");
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** How many jobs the last start resumed. */
    public int resumed() {
        return resumed;
    }
}
