package io.imagine4j.testkit.contract;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.testkit.fake.FakeCapabilities;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A provider with one deliberate defect, each a mistake a real adapter could make. It wraps a
 * correct provider (a {@link FakeVideoProvider}, possibly behind a {@link LossyProvider}) and is
 * faithful except for its defect, so the contract must notice.
 */
final class BrokenProvider implements VideoProvider {

    /** The mistakes. */
    enum Defect {
        /** None: the wrapper is faithful. */
        NONE,
        /** Job ids name another provider. */
        WRONG_PROVIDER_NAME,
        /** Every submit answers the first job's id. */
        SAME_ID,
        /** A queued job is reported as running. */
        QUEUED_AS_RUNNING,
        /** A running job is reported as queued. */
        RUNNING_AS_QUEUED,
        /** After its end, every other poll reports the job running again. */
        BACKWARDS_AFTER_END,
        /** Progress counts down. */
        PROGRESS_BACKWARDS,
        /** Progress is dropped. */
        NO_PROGRESS,
        /** A submit that did not end accepted is sent again, twice. */
        RETRIES_SUBMIT,
        /** A submit whose outcome is unknown is reported as refused, which invites a second payment. */
        AMBIGUOUS_AS_REFUSED,
        /** Every failure is a PROVIDER_ERROR. */
        FLATTENS_FAILURE_KINDS,
        /** Retry-After is lost. */
        DROPS_RETRY_AFTER,
        /** Failure codes are lost. */
        LOSES_FAILURE_CODES,
        /** A failed poll comes back as a failed job. */
        FAILED_CALLS_AS_FAILED_JOBS,
        /** A poll of an unknown id says queued. */
        UNKNOWN_ID_IS_QUEUED,
        /** An expired job is reported failed with a provider error. */
        EXPIRED_AS_PROVIDER_ERROR,
        /** A pending answer without progress (an empty one, say) ends the job. */
        EMPTY_PENDING_ENDS_THE_JOB,
        /** Progress is made up where the wire gave none. */
        PROGRESS_INVENTED,
        /** Every failed job is blamed on the request (INVALID_REQUEST). */
        FAILED_JOBS_BLAME_THE_REQUEST,
        /** Cancel answers cancelled without asking the backend, even without CANCEL. */
        CANCEL_IGNORED,
        /** After any cancel, the job is reported cancelled, even one that had succeeded. */
        CANCEL_CLOBBERS_FINISHED,
        /** Content opened at an offset starts at 0 but claims the offset. */
        CONTENT_IGNORES_OFFSET,
        /** The announced duration is twice the real one. */
        WRONG_DURATION,
        /** The content is not an MP4. */
        CONTENT_NOT_MP4,
        /** Every failure to open content is final (NOT_FOUND). */
        CONTENT_FAILURES_FINAL,
        /** Every submit goes out under a new key, so idempotency cannot work. */
        IGNORES_SUBMISSION_KEY,
        /** A remix is sent as a new text-to-video of the remix's prompt. */
        REMIX_STARTS_OVER,
        /** The capabilities claim remixes the backend refuses. */
        PRETENDS_TO_REMIX,
        /** An edit or extension of a previous result is refused as unreadable. */
        CHAINED_INPUT_DROPPED,
        /** Of several generations started, only the first job is answered. */
        GENERATIONS_COLLAPSE,
        /** Every page of the list is the first page. */
        LIST_IGNORES_CURSOR,
        /** Without LIST, the list answers an empty page instead of the typed refusal. */
        LIST_WITHOUT_FEATURE,
        /** Delete answers success without deleting. */
        DELETE_IGNORED,
        /** Without DELETE, delete answers success instead of the typed refusal. */
        DELETE_WITHOUT_FEATURE,
        /** Previews are the video itself. */
        PREVIEW_IS_VIDEO,
        /** Previews are served for variants the capabilities do not declare. */
        PREVIEW_UNDECLARED,
        /** The model list is empty. */
        MODELS_EMPTY,
        /** Without MODEL_DISCOVERY, a model list is answered instead of the typed refusal. */
        MODELS_WITHOUT_FEATURE,
        /** The event source connects but never pushes. */
        PUSH_SILENT,
        /** An event source is offered without PUSH_EVENTS. */
        PUSH_UNDECLARED
    }

    private final VideoProvider fake;
    private final Defect defect;
    private final Set<JobId> cancelled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger terminalPolls = new AtomicInteger();
    private final AtomicReference<JobId> firstId = new AtomicReference<>();

    BrokenProvider(VideoProvider fake, Defect defect) {
        this.fake = fake;
        this.defect = defect;
    }

    @Override
    public ProviderCapabilities capabilities() {
        ProviderCapabilities real = fake.capabilities();
        if (defect == Defect.PRETENDS_TO_REMIX && real.defaultModelFor(RequestKind.REMIX).isEmpty()) {
            ModelCapabilities model = real.models().get(real.defaultModel())
                    .kind(RequestKind.REMIX, FakeCapabilities.limits(RequestKind.REMIX));
            return real.toBuilder().model(model).build();
        }
        return real;
    }

    @Override
    public SubmitOutcome submit(Submission submission) {
        // Sending before checking, or reporting the check's violations wrongly, cannot be done any more:
        // a Submission holds a CheckedRequest, which only the core's check makes.
        VideoRequest request = submission.request();
        if (defect == Defect.PRETENDS_TO_REMIX && request.kind() == RequestKind.REMIX
                && fake.capabilities().defaultModelFor(RequestKind.REMIX).isEmpty()
                || defect == Defect.CHAINED_INPUT_DROPPED && request.input().exists(MediaSource.PreviousResult.class::isInstance)) {
            return new SubmitOutcome.Refused(JobFailure.of(FailureKind.INVALID_REQUEST, "bad_input", "Unreadable input."));
        }
        if (defect == Defect.REMIX_STARTS_OVER && request.kind() == RequestKind.REMIX) {
            submission = Submission.of(submission.key(), VideoRequest.textToVideo(request.prompt()), fake.capabilities());
        }
        Submission sent = defect == Defect.IGNORES_SUBMISSION_KEY
                ? new Submission(SubmissionKey.random(), submission.checked()) : submission;
        SubmitOutcome outcome = fake.submit(sent);
        for (int again = 0; defect == Defect.RETRIES_SUBMIT && again < 2
                && !(outcome instanceof SubmitOutcome.Accepted); again++) {
            outcome = fake.submit(sent);
        }
        if (outcome instanceof SubmitOutcome.Accepted accepted) {
            firstId.compareAndSet(null, accepted.jobId());
            JobId id = defect == Defect.SAME_ID ? firstId.get() : outward(accepted.jobId());
            List<JobId> ids = new ArrayList<>(List.of(id));
            if (defect != Defect.GENERATIONS_COLLAPSE) {
                accepted.jobIds().stream().skip(1).map(this::outward).forEach(ids::add);
            }
            return new SubmitOutcome.Accepted(ids, update(accepted.initial()));
        }
        if (outcome instanceof SubmitOutcome.Refused refused) {
            return new SubmitOutcome.Refused(failure(refused.failure()));
        }
        JobFailure cause = failure(((SubmitOutcome.Ambiguous) outcome).cause());
        return defect == Defect.AMBIGUOUS_AS_REFUSED
                ? new SubmitOutcome.Refused(new JobFailure(FailureKind.UNAVAILABLE, cause.code(), cause.message(),
                        cause.jobId(), cause.retryAfter()))
                : new SubmitOutcome.Ambiguous(cause);
    }

    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        JobId inner = inward(jobId);
        if (defect == Defect.CANCEL_CLOBBERS_FINISHED && cancelled.contains(inner)) {
            return Either.right(JobUpdate.cancelled("cancelled"));
        }
        Either<JobFailure, JobUpdate> answer = fake.poll(inner);
        if (defect == Defect.UNKNOWN_ID_IS_QUEUED && answer.isLeft() && answer.getLeft().kind() == FailureKind.NOT_FOUND) {
            return Either.right(JobUpdate.queued("queued"));
        }
        if (answer.isLeft()) {
            return defect == Defect.FAILED_CALLS_AS_FAILED_JOBS
                    ? Either.right(JobUpdate.failed(failure(answer.getLeft()), "error"))
                    : Either.left(failure(answer.getLeft()));
        }
        JobUpdate update = answer.get();
        if (defect == Defect.BACKWARDS_AFTER_END && update.status().isTerminal() && terminalPolls.incrementAndGet() % 2 == 0) {
            return Either.right(JobUpdate.running("running"));
        }
        if (defect == Defect.EMPTY_PENDING_ENDS_THE_JOB && !update.status().isTerminal() && update.progress().isEmpty()) {
            return Either.right(JobUpdate.failed(JobFailure.of(FailureKind.PROTOCOL, "empty", "Empty answer."), ""));
        }
        return Either.right(update(update));
    }

    @Override
    public Either<JobFailure, JobUpdate> cancel(JobId jobId) {
        if (defect == Defect.CANCEL_IGNORED) {
            return Either.right(JobUpdate.cancelled("cancelled"));
        }
        JobId inner = inward(jobId);
        cancelled.add(inner);
        return fake.cancel(inner).mapLeft(this::failure).map(this::update);
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
        GeneratedVideo inner = defect == Defect.WRONG_PROVIDER_NAME
                ? new GeneratedVideo(inward(video.jobId()), video.location(), video.mediaType(), video.duration(),
                        video.expiresAt(), video.costUsd(), video.details())
                : video;
        if (defect == Defect.CONTENT_IGNORES_OFFSET) {
            return fake.openContent(inner, 0).map(content -> new VideoContent(content.body(), offset, content.totalSize()));
        }
        Either<JobFailure, VideoContent> opened = fake.openContent(inner, offset);
        if (opened.isLeft()) {
            JobFailure failure = failure(opened.getLeft());
            return Either.left(defect == Defect.CONTENT_FAILURES_FINAL
                    ? new JobFailure(FailureKind.NOT_FOUND, failure.code(), failure.message(), failure.jobId(), failure.retryAfter())
                    : failure);
        }
        if (defect == Defect.CONTENT_NOT_MP4) {
            close(opened.get());
            byte[] png = SampleInputs.png();
            return Either.right(new VideoContent(new ByteArrayInputStream(png), 0, Option.some((long) png.length)));
        }
        return opened;
    }

    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, ContentVariant variant, long offset) {
        if (variant == ContentVariant.VIDEO) {
            return openContent(video, offset);
        }
        if (defect == Defect.PREVIEW_IS_VIDEO && fake.capabilities().serves(variant)) {
            return openContent(video, offset);
        }
        if (defect == Defect.PREVIEW_UNDECLARED && !fake.capabilities().serves(variant)) {
            byte[] png = SampleInputs.png();
            return Either.right(new VideoContent(new ByteArrayInputStream(png), 0, Option.some((long) png.length)));
        }
        return fake.openContent(video, variant, offset).mapLeft(this::failure);
    }

    @Override
    public Either<JobFailure, JobPage> list(JobQuery query) {
        if (defect == Defect.LIST_WITHOUT_FEATURE && !fake.capabilities().supports(ProviderFeature.LIST)) {
            return Either.right(JobPage.last(List.of()));
        }
        JobQuery asked = defect == Defect.LIST_IGNORES_CURSOR ? JobQuery.all().withPageSize(query.pageSize()) : query;
        return fake.list(asked).mapLeft(this::failure);
    }

    @Override
    public Either<JobFailure, JobId> delete(JobId jobId) {
        if (defect == Defect.DELETE_IGNORED || defect == Defect.DELETE_WITHOUT_FEATURE
                && !fake.capabilities().supports(ProviderFeature.DELETE)) {
            return Either.right(jobId);
        }
        return fake.delete(inward(jobId)).map(this::outward).mapLeft(this::failure);
    }

    @Override
    public Either<JobFailure, List<ModelInfo>> models() {
        if (defect == Defect.MODELS_EMPTY && fake.capabilities().supports(ProviderFeature.MODEL_DISCOVERY)) {
            return Either.right(List.of());
        }
        if (defect == Defect.MODELS_WITHOUT_FEATURE && !fake.capabilities().supports(ProviderFeature.MODEL_DISCOVERY)) {
            return Either.right(List.of(ModelInfo.named("made-up")));
        }
        return fake.models().mapLeft(this::failure);
    }

    @Override
    public Option<JobEventSource> eventSource() {
        Option<JobEventSource> real = fake.eventSource();
        if (defect == Defect.PUSH_SILENT && real.isDefined() || defect == Defect.PUSH_UNDECLARED && real.isEmpty()) {
            return Option.some(listener -> {
                listener.onConnected();
                return () -> { };
            });
        }
        return real;
    }

    @Override
    public void close() {
        fake.close();
    }

    private JobUpdate update(JobUpdate update) {
        JobUpdate next = update;
        if (defect == Defect.QUEUED_AS_RUNNING && next.status() == JobStatus.QUEUED) {
            next = JobUpdate.running(next.rawStatus());
        }
        if (defect == Defect.RUNNING_AS_QUEUED && next.status() == JobStatus.RUNNING) {
            next = JobUpdate.queued(next.rawStatus());
        }
        if (defect == Defect.PROGRESS_BACKWARDS && next.progress().isDefined() && !next.status().isTerminal()) {
            next = new JobUpdate(next.status(), next.progress().map(p -> 100 - p), next.result(), next.failure(),
                    next.rawStatus(), next.pollAfter());
        }
        if (defect == Defect.NO_PROGRESS) {
            next = new JobUpdate(next.status(), Option.none(), next.result(), next.failure(), next.rawStatus(), next.pollAfter());
        }
        if (defect == Defect.PROGRESS_INVENTED && next.progress().isEmpty() && !next.status().isTerminal()) {
            next = next.withProgress(50);
        }
        if (defect == Defect.FAILED_JOBS_BLAME_THE_REQUEST && next.status() == JobStatus.FAILED) {
            JobFailure blamed = next.failure().get();
            next = JobUpdate.failed(new JobFailure(FailureKind.INVALID_REQUEST, blamed.code(), blamed.message(),
                    blamed.jobId(), blamed.retryAfter()), next.rawStatus());
        }
        if (defect == Defect.EXPIRED_AS_PROVIDER_ERROR && (next.status() == JobStatus.EXPIRED
                || next.failure().exists(f -> f.kind() == FailureKind.EXPIRED))) {
            next = JobUpdate.failed(JobFailure.of(FailureKind.PROVIDER_ERROR, "expired", "Expired."), "expired");
        }
        if (next.result().isDefined()) {
            GeneratedVideo video = next.result().get();
            JobId outer = outward(video.jobId());
            GeneratedVideo shown = new GeneratedVideo(outer, video.location(), video.mediaType(),
                    defect == Defect.WRONG_DURATION ? video.duration().map(d -> d.multipliedBy(2)) : video.duration(),
                    video.expiresAt(), video.costUsd(), video.details());
            next = new JobUpdate(next.status(), next.progress(), Option.some(shown), next.failure(), next.rawStatus(),
                    next.pollAfter());
        }
        if (next.failure().isDefined()) {
            next = new JobUpdate(next.status(), next.progress(), next.result(), next.failure().map(this::failure),
                    next.rawStatus(), next.pollAfter());
        }
        return next;
    }

    private JobFailure failure(JobFailure failure) {
        JobFailure next = failure;
        if (defect == Defect.FLATTENS_FAILURE_KINDS) {
            next = new JobFailure(FailureKind.PROVIDER_ERROR, next.code(), next.message(), next.jobId(), next.retryAfter());
        }
        if (defect == Defect.DROPS_RETRY_AFTER) {
            next = new JobFailure(next.kind(), next.code(), next.message(), next.jobId(), Option.none());
        }
        if (defect == Defect.LOSES_FAILURE_CODES) {
            next = new JobFailure(next.kind(), "error", next.message(), next.jobId(), next.retryAfter());
        }
        return next;
    }

    private JobId outward(JobId id) {
        return defect == Defect.WRONG_PROVIDER_NAME ? JobId.of("someone-else", id.value()) : id;
    }

    private JobId inward(JobId id) {
        return defect == Defect.WRONG_PROVIDER_NAME && id.provider().equals("someone-else") ? JobId.of(fake.name(), id.value()) : id;
    }

    private static void close(VideoContent content) {
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
