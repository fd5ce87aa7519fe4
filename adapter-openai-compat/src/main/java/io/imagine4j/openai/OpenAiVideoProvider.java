package io.imagine4j.openai;

import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.call.ApiCall;
import io.imagine4j.http.call.SubmitCall;
import io.imagine4j.http.download.ResultDownloader;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.openai.wire.DeletedVideo;
import io.imagine4j.openai.wire.OpenAiApi;
import io.imagine4j.openai.wire.VideoObject;
import io.vavr.control.Either;
import io.vavr.control.Try;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OpenAI-compatible {@code /v1/videos} server as a {@link VideoProvider}: OpenAI itself, Azure
 * OpenAI, LiteLLM, vLLM and gateways. Text- and image-to-video, edits, extensions and remixes,
 * polled until done; the server's own job list (one page per call, continued after the last id) and
 * delete; downloads of the video, its thumbnail and its spritesheet from {@code /content}, with
 * the key, streamed, following redirects without the key once they leave the API's origin. Build
 * one with {@link OpenAiVideos}.
 *
 * <pre>{@code
 * VideoProvider openai = OpenAiVideos.fromEnvironment();     // OPENAI_API_KEY, optional OPENAI_BASE_URL
 * try (VideoJobs jobs = VideoJobService.builder(openai).build()) {
 *     GeneratedVideo fox = jobs.submit(VideoRequest.textToVideo("A fox in the snow")
 *             .with(o -> o.withAspectRatio(AspectRatio.LANDSCAPE_16_9).withDurationSeconds(8)))
 *         .await(Duration.ofMinutes(10)).get();
 *     jobs.download(fox, ContentVariant.THUMBNAIL, Path.of("fox.webp"));
 * }
 * }</pre>
 *
 * <p>The protocol has no cancel: {@code DELETE} removes a finished video and its content, it does
 * not stop a running one, so {@link #cancel} is refused.
 */
public final class OpenAiVideoProvider implements VideoProvider {

    /** The largest page OpenAI's list returns. */
    static final int MAX_PAGE = 100;

    private final OpenAiApi api;
    private final FormPost forms;
    private final OpenAiRequests requests;
    private final ProviderCapabilities capabilities;
    private final ErrorClassifier errors;
    private final SubmitCall submits;
    private final ApiCall calls;
    private final ResultDownloader results;
    private final ApiCredentials credentials;
    private final URI baseUrl;
    private final Map<String, String> headers;
    private final PriceTable prices;

    OpenAiVideoProvider(OpenAiApi api, FormPost forms, OpenAiRequests requests, ProviderCapabilities capabilities,
            ErrorClassifier errors, ResultDownloader results, ApiCredentials credentials, URI baseUrl,
            Map<String, String> headers, PriceTable prices) {
        this.api = api;
        this.forms = forms;
        this.requests = requests;
        this.capabilities = capabilities;
        this.errors = errors;
        this.submits = SubmitCall.with(errors);
        this.calls = ApiCall.with(errors);
        this.results = results;
        this.credentials = credentials;
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.headers = Map.copyOf(headers);
        this.prices = prices;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public SubmitOutcome submit(Submission submission) {
        // Checked already: a Submission holds a CheckedRequest, so this only translates.
        return requests.prepare(submission.checked()).fold(SubmitOutcome.Refused::new, this::send);
    }

    private SubmitOutcome send(SubmitPlan plan) {
        if (plan instanceof SubmitPlan.Json json) {
            return submits.submit(() -> json.call().apply(api), this::accepted);
        }
        SubmitPlan.Form form = (SubmitPlan.Form) plan;
        // The files are opened before the call: one that vanished since the check is a refusal, never an ambiguous submit.
        Try<HttpRequest.BodyPublisher> body = Try.of(form.body()::publisher);
        if (body.isFailure()) {
            return new SubmitOutcome.Refused(JobFailure.of(FailureKind.INVALID_REQUEST, "unreadable_input",
                    "An input could not be opened to send it: " + body.getCause().getMessage() + "; nothing was sent."));
        }
        return submits.submit(() -> forms.<VideoObject>post(form.path(), form.body(), body.get(), VideoObject.class),
                this::accepted);
    }

    private Either<JobFailure, SubmitOutcome.Accepted> accepted(ApiResponse<VideoObject> answer) {
        return answer.body().flatMap(video -> {
            if (video.id() == null || video.id().isBlank()) {
                return Either.left(JobFailure.of(FailureKind.PROTOCOL, "missing_id", errors.provider()
                        + " accepted the request but its answer had no id" + answer.headers().requestId()
                        .map(id -> " (request id " + id + ")").getOrElse("") + "."));
            }
            JobId id = JobId.of(capabilities.provider(), video.id());
            JobUpdate initial = video.status() == null ? JobUpdate.queued("")
                    : OpenAiAnswers.update(video, id, answer.headers().requestId(), this::contentUrl);
            JobUpdate hinted = answer.headers().pollAfter().filter(hint -> !initial.status().isTerminal())
                    .map(initial::withPollAfter).getOrElse(initial);
            return Either.right(new SubmitOutcome.Accepted(id, hinted));
        });
    }

    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        return calls.exchange(() -> api.retrieve(jobId.value(), headers))
                .mapLeft(failure -> failure.forJob(jobId))
                .flatMap(answer -> OpenAiAnswers.poll(answer, jobId, errors, this::contentUrl));
    }

    /** The video from {@code /videos/{id}/content}, with the key while on the API's origin, without it after a redirect away. */
    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
        return openContent(video, ContentVariant.VIDEO, offset);
    }

    /** {@code /videos/{id}/content?variant=thumbnail} (a WebP) or {@code spritesheet} (a JPEG), as the video. */
    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, ContentVariant variant, long offset) {
        if (!capabilities.serves(variant)) {
            throw UnsupportedCapabilityException.operation(name(), variant.label() + " download", "download the video");
        }
        URI url = contentUrl(video.jobId(), variant);
        return results.openAuthenticated(url, offset, credentials, headers).mapLeft(f -> f.forJob(video.jobId()));
    }

    /** One page of the server's videos, newest first; the cursor of the next page is the last id of this one. */
    @Override
    public Either<JobFailure, JobPage> list(JobQuery query) {
        int limit = Math.min(query.pageSize(), MAX_PAGE);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("limit", limit);
        parameters.put("order", "desc");
        query.after().forEach(cursor -> parameters.put("after", cursor));
        return calls.fetch(() -> api.list(parameters, headers))
                .map(page -> OpenAiAnswers.page(page, capabilities.provider(), limit));
    }

    /** Deletes a finished video and its content at the server (a running one is refused by OpenAI: this is no cancel). */
    @Override
    public Either<JobFailure, JobId> delete(JobId jobId) {
        return calls.fetch(() -> api.delete(jobId.value(), headers))
                .mapLeft(failure -> failure.forJob(jobId))
                .flatMap(answer -> deleted(answer, jobId));
    }

    private Either<JobFailure, JobId> deleted(DeletedVideo answer, JobId jobId) {
        if (Boolean.FALSE.equals(answer.deleted())) {
            return Either.left(JobFailure.of(FailureKind.PROVIDER_ERROR, "not_deleted", errors.provider()
                    + " answered that video " + jobId.value() + " was not deleted.").withJobId(jobId));
        }
        return Either.right(jobId);
    }

    /** OpenAI's published prices for its own models (empty under another provider name); see {@link OpenAiPrices}. */
    @Override
    public PriceTable prices() {
        return prices;
    }

    URI contentUrl(JobId jobId) {
        return contentUrl(jobId, ContentVariant.VIDEO);
    }

    private URI contentUrl(JobId jobId, ContentVariant variant) {
        String id = URLEncoder.encode(jobId.value(), StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(baseUrl + "/videos/" + id + "/content"
                + (variant == ContentVariant.VIDEO ? "" : "?variant=" + variant.label()));
    }

    @Override
    public String toString() {
        return "OpenAiVideoProvider[" + capabilities.provider() + " at " + credentials.origin() + "]";
    }
}
