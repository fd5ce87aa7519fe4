package io.imagine4j.store.jdbc.kill;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.ForwardingVideoProvider;
import io.imagine4j.core.port.out.VideoProvider;
import io.vavr.control.Either;

import java.util.function.Consumer;

/** A provider that writes down when this instance polled which job, start and end. */
final class RecordingProvider extends ForwardingVideoProvider {

    private final EventLog log;
    private final String instance;
    private final Consumer<JobId> polled;

    RecordingProvider(VideoProvider provider, EventLog log, String instance, Consumer<JobId> polled) {
        super(provider);
        this.log = log;
        this.instance = instance;
        this.polled = polled;
    }

    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        long start = EventLog.now();
        try {
            return super.poll(jobId);
        } finally {
            log.write("poll", instance, jobId.toString(), Long.toString(start), Long.toString(EventLog.now()));
            polled.accept(jobId);
        }
    }

}
