package io.imagine4j.xai;

import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.http.call.ApiCall;
import io.imagine4j.http.call.SubmitCall;
import io.imagine4j.http.download.ResultDownloader;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.xai.wire.StartedJob;
import io.imagine4j.xai.wire.XaiApi;
import io.vavr.control.Either;

import java.util.List;
import java.util.function.Function;

/**
 * xAI's native video API (Grok Imagine) as a {@link VideoProvider}: text-to-video, image-to-video
 * (with keyframes), reference-to-video, edits and extensions (of previous results too), polled
 * until done, with model discovery and dated prices. xAI-only request fields are set with
 * {@link XaiOptions}. Build one with {@link XaiVideo}.
 *
 * <pre>{@code
 * VideoProvider xai = XaiVideo.fromEnvironment();     // XAI_API_KEY, optional XAI_BASE_URL
 * VideoRequest again = VideoRequest.edit("Make it snow", MediaSource.of(previousVideo));
 * }</pre>
 */
public final class XaiVideoProvider implements VideoProvider {

    private final XaiApi api;
    private final ProviderCapabilities capabilities;
    private final ErrorClassifier errors;
    private final SubmitCall submits;
    private final ApiCall calls;
    private final ResultDownloader results;
    private final InputUrls inputs;

    XaiVideoProvider(XaiApi api, ProviderCapabilities capabilities, ErrorClassifier errors, ResultDownloader results,
            long maxInlineVideoBytes) {
        this.api = api;
        this.capabilities = capabilities;
        this.errors = errors;
        this.submits = SubmitCall.with(errors);
        this.calls = ApiCall.with(errors);
        this.results = results;
        this.inputs = new InputUrls(new ChainedInputs(this::poll, results, errors.clock(), maxInlineVideoBytes));
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public SubmitOutcome submit(Submission submission) {
        // Checked already: a Submission holds a CheckedRequest, so it is only translated here.
        Either<JobFailure, Function<XaiApi, ApiResponse<StartedJob>>> call = XaiRequests.prepare(submission.checked(), inputs);
        if (call.isLeft()) {
            return new SubmitOutcome.Refused(call.getLeft()); // nothing was sent
        }
        return submits.submit(() -> call.get().apply(api), answer -> answer.body().flatMap(this::accepted));
    }

    private Either<JobFailure, SubmitOutcome.Accepted> accepted(StartedJob started) {
        if (started.requestId() == null || started.requestId().isBlank()) {
            return Either.left(JobFailure.of(FailureKind.PROTOCOL, "missing_request_id",
                    "xAI accepted the request but its answer had no request_id."));
        }
        JobId id = JobId.of(XaiCapabilities.PROVIDER, started.requestId());
        return Either.right(new SubmitOutcome.Accepted(id, JobUpdate.queued("pending")));
    }

    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        return calls.exchange(() -> api.poll(jobId.value()))
                .mapLeft(failure -> failure.withJobId(jobId))
                .flatMap(answer -> XaiPolls.interpret(answer, jobId, errors));
    }

    /**
     * The video models xAI offers this key ({@code GET /video-generation-models}), with their aliases
     * and the kinds their declared inputs allow. A gateway without the endpoint answers a
     * {@code NOT_FOUND} failure; the built-in models then stand alone.
     */
    @Override
    public Either<JobFailure, List<ModelInfo>> models() {
        return calls.fetch(api::models)
                .mapLeft(this::withoutModelList)
                .map(list -> list.models() == null ? List.<ModelInfo>of()
                        : list.models().stream().filter(m -> m != null && m.id() != null).map(XaiModels::info).toList());
    }

    /**
     * One model by its id or an alias ({@code GET /video-generation-models/{model_id}}).
     *
     * <pre>{@code
     * xai.model("grok-imagine-video-1.5").forEach(model -> System.out.println(model.aliases() + " " + model.kinds()));
     * }</pre>
     */
    public Either<JobFailure, ModelInfo> model(String name) {
        return calls.fetch(() -> api.model(name)).map(XaiModels::info);
    }

    private JobFailure withoutModelList(JobFailure failure) {
        return failure.kind() != FailureKind.NOT_FOUND ? failure : failure.withMessage("This endpoint has no model list "
                + "(GET /video-generation-models answered 404), as gateways that forward only the video calls;"
                + " the built-in models (" + String.join(", ", capabilities.modelNames()) + ") stand alone.");
    }

    /** The prices of xAI's models, dated and sourced: see {@link XaiPrices}. */
    @Override
    public PriceTable prices() {
        return XaiPrices.table();
    }

    /** Result URLs are plain, temporary links: fetched without the API key. */
    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
        return results.open(video.location(), offset).mapLeft(f -> f.jobId().isDefined() ? f : f.withJobId(video.jobId()));
    }

    @Override
    public String toString() {
        return "XaiVideoProvider[" + capabilities.provider() + "]";
    }
}
