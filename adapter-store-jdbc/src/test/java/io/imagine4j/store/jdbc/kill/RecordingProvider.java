package io.imagine4j.store.jdbc.kill;

import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.List;
import java.util.function.Consumer;

/** A provider that writes down when this instance polled which job, start and end. */
final class RecordingProvider implements VideoProvider {

    private final VideoProvider provider;
    private final EventLog log;
    private final String instance;
    private final Consumer<JobId> polled;

    RecordingProvider(VideoProvider provider, EventLog log, String instance, Consumer<JobId> polled) {
        this.provider = provider;
        this.log = log;
        this.instance = instance;
        this.polled = polled;
    }

    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        long start = EventLog.now();
        try {
            return provider.poll(jobId);
        } finally {
            log.write("poll", instance, jobId.toString(), Long.toString(start), Long.toString(EventLog.now()));
            polled.accept(jobId);
        }
    }

    @Override
    public ProviderCapabilities capabilities() {
        return provider.capabilities();
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    public SubmitOutcome submit(Submission submission) {
        return provider.submit(submission);
    }

    @Override
    public Either<JobFailure, JobUpdate> cancel(JobId jobId) {
        return provider.cancel(jobId);
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
        return provider.openContent(video, offset);
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, ContentVariant variant, long offset) {
        return provider.openContent(video, variant, offset);
    }

    @Override
    public Either<JobFailure, JobPage> list(JobQuery query) {
        return provider.list(query);
    }

    @Override
    public Either<JobFailure, JobId> delete(JobId jobId) {
        return provider.delete(jobId);
    }

    @Override
    public Either<JobFailure, List<ModelInfo>> models() {
        return provider.models();
    }

    @Override
    public PriceTable prices() {
        return provider.prices();
    }

    @Override
    public Option<JobEventSource> eventSource() {
        return provider.eventSource();
    }

    @Override
    public void close() {
        provider.close();
    }
}
