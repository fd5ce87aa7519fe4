package io.imagine4j.testkit.contract;

import io.imagine4j.core.model.ContentVariant;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.ForwardingVideoProvider;
import io.imagine4j.core.port.out.VideoProvider;
import io.vavr.control.Either;

/**
 * A correct provider on a poorer wire, as some real protocols are: no "queued" (only "pending"),
 * no progress, no failure codes, no "expired" status, and a result host that ignores ranges. The
 * contract passes it once these are declared through its hooks.
 */
final class LossyProvider extends ForwardingVideoProvider {

    LossyProvider(VideoProvider wire) {
        super(wire);
    }

    @Override
    public SubmitOutcome submit(Submission submission) {
        SubmitOutcome outcome = super.submit(submission);
        return outcome instanceof SubmitOutcome.Accepted accepted
                ? new SubmitOutcome.Accepted(accepted.jobIds(), lossy(accepted.initial())) : outcome;
    }

    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        return super.poll(jobId).map(LossyProvider::lossy);
    }

    @Override
    public Either<JobFailure, JobUpdate> cancel(JobId jobId) {
        return super.cancel(jobId).map(LossyProvider::lossy);
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
        return super.openContent(video, 0); // the result host ignores ranges and says so with offset 0
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, ContentVariant variant, long offset) {
        return super.openContent(video, variant, 0);
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
