package io.imagine4j.testkit.fake;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.port.out.PushListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes down what a push channel delivers, in order. */
final class RecordingPushListener implements PushListener {

    final List<String> signals = new CopyOnWriteArrayList<>();
    final List<JobUpdate> updates = new CopyOnWriteArrayList<>();
    final List<JobFailure> drops = new CopyOnWriteArrayList<>();

    @Override
    public void onConnected() {
        signals.add("connected");
    }

    @Override
    public void onUpdate(JobId jobId, JobUpdate update) {
        signals.add(update.status() + update.progress().map(p -> " " + p).getOrElse(""));
        updates.add(update);
    }

    @Override
    public void onDisconnected(JobFailure reason) {
        signals.add("disconnected");
        drops.add(reason);
    }
}
