package io.imagine4j.testkit.contract;

import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.core.port.out.JobQuery;
import java.util.List;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * A correct provider on a poorer wire, as some real protocols are: no "queued" (only "pending"),
 * no progress, no failure codes, no "expired" status, and a result host that ignores ranges. The
 * contract passes it once these are declared through its hooks.
 */
final class LossyProvider implements VideoProvider {

    private final VideoProvider wire;

    LossyProvider(VideoProvider wire) {
        this.wire = wire;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return wire.capabilities();
    }

    @Override
    public SubmitOutcome submit(Submission submission) {
        SubmitOutcome outcome = wire.submit(submission);
        return outcome instanceof SubmitOutcome.Accepted accepted
                ? new SubmitOutcome.Accepted(accepted.jobIds(), lossy(accepted.initial())) : outcome;
    }

    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        return wire.poll(jobId).map(LossyProvider::lossy);
    }

    @Override
    public Either<JobFailure, JobUpdate> cancel(JobId jobId) {
        return wire.cancel(jobId).map(LossyProvider::lossy);
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
        return wire.openContent(video, 0); // the result host ignores ranges and says so with offset 0
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, ContentVariant variant, long offset) {
        return wire.openContent(video, variant, 0);
    }

    @Override
    public Either<JobFailure, JobPage> list(JobQuery query) {
        return wire.list(query);
    }

    @Override
    public Either<JobFailure, JobId> delete(JobId jobId) {
        return wire.delete(jobId);
    }

    @Override
    public Either<JobFailure, List<ModelInfo>> models() {
        return wire.models();
    }

    @Override
    public Option<JobEventSource> eventSource() {
        return wire.eventSource();
    }

    @Override
    public void close() {
        wire.close();
    }

    private static JobUpdate lossy(JobUpdate update) {
        if (!update.status().isTerminal()) {
            return JobUpdate.running("pending");
        }
        if (update.status() == JobStatus.EXPIRED) {
            return JobUpdate.failed(withoutCode(update.failure().get()), "failed");
        }
        if (update.failure().isDefined()) {
            return new JobUpdate(update.status(), update.progress(), update.result(),
                    update.failure().map(LossyProvider::withoutCode), update.rawStatus(), update.pollAfter());
        }
        return update;
    }

    private static JobFailure withoutCode(JobFailure failure) {
        return new JobFailure(failure.kind(), "failed", failure.message(), failure.jobId(), failure.retryAfter());
    }
}
