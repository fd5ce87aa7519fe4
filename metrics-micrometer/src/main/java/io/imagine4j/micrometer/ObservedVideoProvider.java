package io.imagine4j.micrometer;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.PushListener;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.ForwardingVideoProvider;
import io.imagine4j.core.port.out.VideoProvider;
import io.micrometer.observation.Observation;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.FilterInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A provider whose submits, polls and content downloads are observed as children of their job's
 * observation, and whose pushed updates are events of it; every other call goes straight through.
 * Made by {@link JobObservations#instrument(VideoProvider)}.
 */
final class ObservedVideoProvider extends ForwardingVideoProvider {

    private final JobObservations observations;

    ObservedVideoProvider(VideoProvider provider, JobObservations observations) {
        super(provider);
        this.observations = observations;
    }

    @Override
    public SubmitOutcome submit(Submission submission) {
        Observation observation = observations.child(JobObservations.SUBMIT, name(), observations.ofKey(submission.key()))
                .contextualName("imagine4j submit")
                .lowCardinalityKeyValue(JobObservations.KIND, submission.request().kind().label());
        return observation.observe(() -> {
            SubmitOutcome outcome = delegate().submit(submission);
            observation.lowCardinalityKeyValue(JobObservations.OUTCOME, outcome(outcome));
            return outcome;
        });
    }

    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        Observation observation = observations.child(JobObservations.POLL, name(), observations.ofJob(jobId))
                .contextualName("imagine4j poll");
        return observation.observe(() -> {
            Either<JobFailure, JobUpdate> answer = delegate().poll(jobId);
            observation.lowCardinalityKeyValue(JobObservations.OUTCOME, answer.fold(
                    failure -> JobObservations.label(failure.kind().name()),
                    update -> JobObservations.label(update.status().name())));
            return answer;
        });
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
        return openContent(video, ContentVariant.VIDEO, offset);
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, ContentVariant variant, long offset) {
        Observation observation = observations.child(JobObservations.DOWNLOAD, name(), observations.ofJob(video.jobId()))
                .contextualName("imagine4j download")
                .lowCardinalityKeyValue("variant", variant.label())
                .start();
        Either<JobFailure, VideoContent> opened;
        try (Observation.Scope scope = observation.openScope()) {
            opened = variant == ContentVariant.VIDEO ? delegate().openContent(video, offset)
                    : delegate().openContent(video, variant, offset);
        } catch (RuntimeException e) {
            observation.error(e);
            observation.stop();
            throw e;
        }
        if (opened.isLeft()) {
            observation.lowCardinalityKeyValue(JobObservations.OUTCOME, JobObservations.label(opened.getLeft().kind().name()));
            observation.stop();
            return opened;
        }
        observation.lowCardinalityKeyValue(JobObservations.OUTCOME, "opened");
        VideoContent content = opened.get();
        return Either.right(new VideoContent(new StopOnClose(content, observation), content.offset(), content.totalSize()));
    }

    @Override
    public Option<JobEventSource> eventSource() {
        return delegate().eventSource().map(source -> listener -> source.subscribe(new Pushed(listener)));
    }

    @Override
    public String toString() {
        return "Observed[" + delegate() + "]";
    }

    private static String outcome(SubmitOutcome outcome) {
        if (outcome instanceof SubmitOutcome.Accepted) {
            return "accepted";
        }
        if (outcome instanceof SubmitOutcome.Refused refused) {
            return JobObservations.label(refused.failure().kind().name());
        }
        return "ambiguous";
    }

    /** Records each pushed update as an event of its job's observation, then hands it on. */
    private final class Pushed implements PushListener {
        private final PushListener listener;

        Pushed(PushListener listener) {
            this.listener = listener;
        }

        @Override
        public void onConnected() {
            listener.onConnected();
        }

        @Override
        public void onUpdate(JobId jobId, JobUpdate update) {
            observations.ofJob(jobId).forEach(observation -> observation.event(Observation.Event.of("pushed",
                    "pushed: " + JobObservations.label(update.status().name()))));
            listener.onUpdate(jobId, update);
        }

        @Override
        public void onDisconnected(JobFailure reason) {
            listener.onDisconnected(reason);
        }
    }

    /** The content's stream, ending the download's observation when closed. */
    private static final class StopOnClose extends FilterInputStream {
        private final VideoContent content;
        private final Observation observation;
        private final AtomicBoolean stopped = new AtomicBoolean();

        StopOnClose(VideoContent content, Observation observation) {
            super(content.body());
            this.content = content;
            this.observation = observation;
        }

        @Override
        public void close() throws IOException {
            try {
                content.close();
            } finally {
                if (stopped.compareAndSet(false, true)) {
                    observation.stop();
                }
            }
        }
    }
}
