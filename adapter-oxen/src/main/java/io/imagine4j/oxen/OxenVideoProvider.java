package io.imagine4j.oxen;

import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.http.call.ApiCall;
import io.imagine4j.http.call.SubmitCall;
import io.imagine4j.http.download.ResultDownloader;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.oxen.wire.Enqueued;
import io.imagine4j.oxen.wire.GenerationBody;
import io.imagine4j.oxen.wire.GenerationRow;
import io.imagine4j.oxen.wire.OxenApi;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Oxen.ai hub as a {@link VideoProvider}: jobs go through its generation queue (several videos
 * per enqueue with {@code generations}), end by push over its event stream ({@link #events()}) with
 * polling as the safety net, can be cancelled and listed; models and their {@code request_schema}
 * come from the hub; local inputs are uploaded to a repository of yours. Build one with
 * {@link OxenHub}.
 *
 * <pre>{@code
 * OxenVideoProvider oxen = OxenHub.fromEnvironment();    // OXEN_API_KEY, optional OXEN_BASE_URL, OXEN_UPLOAD_REPOSITORY
 * try (VideoJobs jobs = VideoJobService.builder(oxen).build()) {
 *     VideoJob job = jobs.submit(VideoRequest.edit("Make it snow", MediaSource.url("https://example.com/clip.mp4")));
 *     job.await(Duration.ofMinutes(15)).peek(video -> jobs.download(video, Path.of("snow.mp4")));
 * }
 * }</pre>
 *
 * <p>Older Oxen servers are tolerated: an enqueue answered {@code processing}, rows naming the model
 * {@code model}, and a queue that answers 404 once a generation has ended. Such a 404 for a
 * generation is not taken as "unknown": the generations history ({@code GET /ai/generations/{id}})
 * is asked for its outcome, and only when it does not know it either is the poll a
 * {@code NOT_FOUND} (the event stream, which normally ends the job first, was then missed).
 */
public final class OxenVideoProvider implements VideoProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OxenVideoProvider.class);
    private static final String SYNCHRONOUS_PREFIX = "sync-";
    private static final Pattern CREDITS = Pattern.compile("(?i)credit|quota|billing");
    private static final Duration EDIT_INPUT_LIMIT = Duration.ofSeconds(8);

    private final OxenApi api;
    private final ProviderCapabilities capabilities;
    private final ErrorClassifier errors;
    private final SubmitCall submits;
    private final ApiCall calls;
    private final ResultDownloader results;
    private final OxenInputs inputs;
    private final OxenModels models;
    private final SynchronousGeneration synchronous;
    private final Option<OxenEventSource> events;

    OxenVideoProvider(OxenApi api, ProviderCapabilities capabilities, ErrorClassifier errors, ResultDownloader results,
            Option<RepositoryUploads> uploads, OxenModels models, SynchronousGeneration synchronous,
            Option<OxenEventSource> events) {
        this.api = api;
        this.capabilities = capabilities;
        this.errors = errors;
        this.submits = SubmitCall.with(errors);
        this.calls = ApiCall.with(errors);
        this.results = results;
        this.inputs = new OxenInputs(uploads, this::poll);
        this.models = models;
        this.synchronous = synchronous;
        this.events = events;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    /**
     * Enqueues the request (uploading local inputs first), answering one job per generation; with
     * {@link OxenExtras#synchronous()} it calls the synchronous generate instead, blocks until the
     * video is made, and answers a job that has already SUCCEEDED.
     */
    @Override
    public SubmitOutcome submit(Submission submission) {
        VideoRequest request = submission.request(); // checked already: a Submission holds a CheckedRequest
        warnOfTruncation(request);
        Either<JobFailure, GenerationBody> body = OxenRequests.body(request, inputs);
        if (body.isLeft()) {
            return new SubmitOutcome.Refused(body.getLeft()); // nothing was enqueued
        }
        Option<Object> format = OxenExtras.synchronousFormat(request.options());
        if (format.isDefined()) {
            JobId id = JobId.of(OxenCapabilities.PROVIDER, SYNCHRONOUS_PREFIX + submission.key().value());
            return synchronous.generate(id, body.get(), String.valueOf(format.get()));
        }
        return enqueue(body.get());
    }

    private SubmitOutcome enqueue(GenerationBody body) {
        ApiResponse<Enqueued> answer;
        try {
            answer = api.enqueue(body);
        } catch (RuntimeException e) {
            return submits.outcomeOf(e);
        }
        if (!answer.isSuccess()) {
            return submits.outcomeOf(answer); // a 4xx with "generations": [] and an error is refused here
        }
        return answer.body().fold(SubmitOutcome.Ambiguous::new, this::accepted);
    }

    private SubmitOutcome accepted(Enqueued enqueued) {
        List<Enqueued.Started> started = enqueued.generations() == null ? List.of() : enqueued.generations();
        List<JobId> ids = new ArrayList<>();
        for (Enqueued.Started generation : started) {
            if (generation != null && generation.generationId() != null && !generation.generationId().isBlank()) {
                ids.add(JobId.of(OxenCapabilities.PROVIDER, generation.generationId()));
            }
        }
        if (ids.isEmpty()) {
            String error = enqueued.error() == null || enqueued.error().isBlank() ? null : enqueued.error().strip();
            if (error != null) {
                // Nothing started: Oxen said no, with a reason, in a 2xx.
                FailureKind kind = CREDITS.matcher(error).find() ? FailureKind.QUOTA : FailureKind.INVALID_REQUEST;
                return new SubmitOutcome.Refused(JobFailure.of(kind, "enqueue_rejected", "Oxen refused the enqueue: " + error
                        + (kind == FailureKind.QUOTA ? " Add credits to the namespace billed." : " Fix the request before sending it again.")));
            }
            return new SubmitOutcome.Ambiguous(JobFailure.of(FailureKind.PROTOCOL, "missing_generation_id",
                    "Oxen accepted the enqueue but its answer names no generation."));
        }
        String raw = started.get(0).status() == null ? "queued" : started.get(0).status();
        // Older servers answered "processing" here.
        JobUpdate initial = raw.toLowerCase(Locale.ROOT).equals("processing") ? JobUpdate.running(raw) : JobUpdate.queued(raw);
        return new SubmitOutcome.Accepted(ids, initial);
    }

    /**
     * The generation's state from the queue; a 404 there (an older server forgets finished
     * generations) is asked of the generations history before it counts as {@code NOT_FOUND}.
     */
    @Override
    public Either<JobFailure, JobUpdate> poll(JobId jobId) {
        if (isSynchronous(jobId)) {
            return Either.left(JobFailure.of(FailureKind.NOT_FOUND, "synchronous_generation", "Job " + jobId
                    + " ran on Oxen's synchronous generate, which keeps no queue entry: its video came with the submit.").withJobId(jobId));
        }
        return calls.exchange(() -> api.generation(jobId.value())).mapLeft(failure -> failure.withJobId(jobId))
                .flatMap(answer -> answer.status() == 404 ? fromHistory(jobId) : read(answer, jobId));
    }

    private Either<JobFailure, JobUpdate> fromHistory(JobId jobId) {
        return calls.exchange(() -> api.history(jobId.value())).mapLeft(failure -> failure.withJobId(jobId)).flatMap(answer -> {
            if (answer.status() == 404) {
                return Either.left(JobFailure.of(FailureKind.NOT_FOUND, "generation_not_found", "Oxen knows no generation "
                        + jobId.value() + " in its queue or its history. If it was accepted, an older server has dropped it"
                        + " from its queue once it ended, and its completion event was missed: look for its result in your"
                        + " Oxen account before submitting it again.").withJobId(jobId));
            }
            if (!answer.isSuccess()) {
                return Either.left(errors.classify(answer).withJobId(jobId));
            }
            return answer.body().mapLeft(failure -> failure.withJobId(jobId)).flatMap(entry -> entry.generation() == null
                    ? Either.left(JobFailure.of(FailureKind.PROTOCOL, "missing_generation",
                            "Oxen's history answer for " + jobId.value() + " holds no generation.").withJobId(jobId))
                    : OxenPolls.fromRow(entry.generation(), jobId));
        });
    }

    private Either<JobFailure, JobUpdate> read(ApiResponse<GenerationRow> answer, JobId jobId) {
        if (!answer.isSuccess()) {
            return Either.left(errors.classify(answer).withJobId(jobId));
        }
        return answer.body().mapLeft(failure -> failure.withJobId(jobId)).flatMap(row -> OxenPolls.fromRow(row, jobId));
    }

    /**
     * Cancels the generation ({@code DELETE}, a no-op on a finished one) and answers its state
     * afterwards, read back from the queue: Oxen sends no event for a cancelled job.
     */
    @Override
    public Either<JobFailure, JobUpdate> cancel(JobId jobId) {
        if (isSynchronous(jobId)) {
            return poll(jobId);
        }
        return calls.exchange(() -> api.cancel(jobId.value())).mapLeft(failure -> failure.withJobId(jobId)).flatMap(answer -> {
            if (answer.status() == 404) {
                return poll(jobId); // an older server: the generation had ended already (or is unknown)
            }
            if (!answer.isSuccess()) {
                return Either.left(errors.classify(answer).withJobId(jobId));
            }
            // Cancelled: what the queue says now is the answer; if it cannot say, the DELETE's success is.
            return Either.right(poll(jobId).getOrElse(() -> JobUpdate.cancelled("cancelled")));
        });
    }

    /**
     * One page of the queue: the active generations, or those of the query's status (finished ones
     * too), videos only, filtered by model. The queue has no pages of its own, so pages are cut here,
     * {@code pageSize} rows at a time, with the last row's id as the cursor.
     */
    @Override
    public Either<JobFailure, JobPage> list(JobQuery query) {
        if (query.status().exists(status -> OxenPolls.wireStatus(status).isEmpty())) {
            return Either.right(JobPage.last(List.of())); // a status Oxen does not have: no job has it
        }
        String status = query.status().flatMap(OxenPolls::wireStatus).getOrNull();
        return calls.fetch(() -> api.queue(status, query.model().getOrNull())).map(list -> {
            List<JobSummary> all = new ArrayList<>();
            (list.generations() == null ? List.<GenerationRow>of() : list.generations())
                    .forEach(row -> OxenPolls.summary(row).forEach(all::add));
            int start = 0;
            if (query.after().isDefined()) {
                // A cursor whose job has left the list (it ended, and only active jobs are listed) ends the listing.
                start = all.size();
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).jobId().value().equals(query.after().get())) {
                        start = i + 1;
                        break;
                    }
                }
            }
            int end = Math.min(all.size(), start + query.pageSize());
            List<JobSummary> page = all.subList(start, end);
            return end < all.size() ? new JobPage(page, Option.some(page.get(page.size() - 1).jobId().value())) : JobPage.last(page);
        });
    }

    /** The hub's video models, with the kinds their inputs declare and the limits their schemas give. */
    @Override
    public Either<JobFailure, List<ModelInfo>> models() {
        return models.fetch();
    }

    /**
     * The prices the hub's models declare ({@code pricing.cost_per_second}, by resolution where
     * given), dated the day they were read; the model list is fetched for them the first time.
     * Oxen's pricing page lists no Grok Imagine price of its own.
     */
    @Override
    public PriceTable prices() {
        return models.prices();
    }

    /** Result URLs are public links, fetched without the key; a synchronous {@code b64_json} result is a local file. */
    @Override
    public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
        if ("file".equalsIgnoreCase(video.location().getScheme())) {
            return local(video, offset);
        }
        return results.open(video.location(), offset).mapLeft(f -> f.jobId().isDefined() ? f : f.withJobId(video.jobId()));
    }

    @Override
    public Option<JobEventSource> eventSource() {
        return Option.narrow(events);
    }

    /** The completion event stream, shared by every subscriber of this provider; none when push is switched off. */
    public Option<OxenEventSource> events() {
        return events;
    }

    private static Either<JobFailure, VideoContent> local(GeneratedVideo video, long offset) {
        Path file = Path.of(video.location());
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            long size = channel.size();
            channel.position(Math.min(offset, size));
            InputStream body = Channels.newInputStream(channel);
            return Either.right(new VideoContent(body, Math.min(offset, size), Option.some(size)));
        } catch (IOException e) {
            return Either.left(JobFailure.of(FailureKind.EXPIRED, "result_file_gone", "The video of job " + video.jobId()
                    + " was saved to " + file + ", which can no longer be read (" + e.getClass().getSimpleName()
                    + "); submit the job again.").withJobId(video.jobId()));
        }
    }

    /** Oxen edits the first 8 s of an input: not refused, but worth a word when the input is known to be longer. */
    private static void warnOfTruncation(VideoRequest request) {
        if (request.kind() != RequestKind.EDIT || !request.options().model().contains(OxenCapabilities.EDIT_MODEL)) {
            return;
        }
        MediaSource input = request.input().get();
        Option<Duration> length = input instanceof MediaSource.LocalFile file ? Mp4Header.duration(file.path()).toOption()
                : input instanceof MediaSource.Bytes bytes ? Mp4Header.duration(bytes.data()).toOption()
                : input instanceof MediaSource.PreviousResult previous ? previous.duration() : Option.none();
        length.filter(seconds -> seconds.compareTo(EDIT_INPUT_LIMIT) > 0).forEach(seconds -> LOG.warn(
                "The input of this edit is {} s long; Oxen's {} edits its first 8 s only (resized to 854x480), so the result"
                        + " is 8 s long.", seconds.toMillis() / 1000.0, OxenCapabilities.EDIT_MODEL));
    }

    private static boolean isSynchronous(JobId jobId) {
        return jobId.value().startsWith(SYNCHRONOUS_PREFIX);
    }

    @Override
    public String toString() {
        return "OxenVideoProvider[" + capabilities.provider() + "]";
    }
}
