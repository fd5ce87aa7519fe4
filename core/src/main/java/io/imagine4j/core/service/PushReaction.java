package io.imagine4j.core.service;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.PushListener;

/** What the service does with a provider's push channel: updates go to their jobs; its health decides how often jobs are polled. */
final class PushReaction implements PushListener {

    private final JobDriver driver;

    PushReaction(JobDriver driver) {
        this.driver = driver;
    }

    @Override
    public void onConnected() {
        driver.pushConnected(true);
    }

    @Override
    public void onUpdate(JobId jobId, JobUpdate update) {
        driver.pushed(jobId, update);
    }

    @Override
    public void onDisconnected(JobFailure reason) {
        driver.pushConnected(false);
    }
}
