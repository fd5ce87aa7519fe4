package io.imagine4j.core.job;

/**
 * Receives the events of jobs, in order per job. Called on imagine4j's scheduler threads: return
 * quickly and do not block; hand slow work to your own executor.
 *
 * <pre>{@code
 * job.onEvent(event -> log.info("{}", event));
 * }</pre>
 */
@FunctionalInterface
public interface JobListener {

    void onEvent(JobEvent event);
}
