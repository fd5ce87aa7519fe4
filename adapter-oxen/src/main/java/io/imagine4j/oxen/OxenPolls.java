package io.imagine4j.oxen;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.http.download.ResultLocation;
import io.imagine4j.http.json.EpochTime;
import io.imagine4j.oxen.wire.CompletionEvent;
import io.imagine4j.oxen.wire.GenerationRow;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads what Oxen says of a generation, from a queue row, the history, or a completion event:
 * <ul>
 *   <li>{@code queued} → QUEUED, {@code processing} → RUNNING (there is no progress), an unknown
 *       status → RUNNING (not finished);</li>
 *   <li>{@code succeeded} → the video at {@code result_url} (its length when the row echoes the
 *       requested {@code duration}, its cost when the history gives one);</li>
 *   <li>{@code failed} carries only a sentence ({@code error_message}, an event's {@code error}), no
 *       code: the kind is read from it (moderation, invalid parameters or input, a timed-out
 *       generation as EXPIRED, credits), else a provider error;</li>
 *   <li>{@code cancelled} → CANCELLED. Older servers name the model {@code model}: both are read.</li>
 * </ul>
 */
final class OxenPolls {

    static final String COMPLETED_EVENT = "media_generation_completed";
    /** What the edit model does to its inputs, as Oxen documents it: kept with its results. */
    static final String EDIT_INPUT_NOTE = "Oxen resizes edit inputs to 854x480 and edits their first 8 s only.";

    private static final Pattern MODERATION = Pattern.compile("(?i)moderat|content polic|safety");
    private static final Pattern INVALID_PARAMETERS = Pattern.compile("(?i)invalid param|must be one of|is required");
    private static final Pattern INVALID_INPUT = Pattern.compile("(?i)input[_ ](video|image)");
    private static final Pattern TIMED_OUT = Pattern.compile("(?i)timed out|expired");
    private static final Pattern CREDITS = Pattern.compile("(?i)credit|quota|billing");

    private OxenPolls() {
    }

    /** A queue (or history) row as the core's update of job {@code id}; a row that cannot be read is a PROTOCOL failure. */
    static Either<JobFailure, JobUpdate> fromRow(GenerationRow row, JobId id) {
        String raw = row.status() == null ? "" : row.status();
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "queued":
            case "pending":
                return Either.right(JobUpdate.queued(raw));
            case "succeeded":
            case "completed":
                return video(id, row.resultUrl(), raw).map(video -> JobUpdate.succeeded(withRowFacts(video, row), raw));
            case "failed":
                return Either.right(JobUpdate.failed(failure(row.errorMessage(), id), raw));
            case "cancelled":
            case "canceled":
                return Either.right(JobUpdate.cancelled(raw));
            default:
                return Either.right(JobUpdate.running(raw));
        }
    }

    /**
     * A {@code media_generation_completed} event as an update, when it is one for a video: a
     * succeeded generation with its URL or a failed one. Anything else (another media type, a status
     * without meaning here, a success without URL) is none: a poll will tell.
     */
    static Option<Tuple2<JobId, JobUpdate>> fromEvent(CompletionEvent event) {
        if (event.generationId() == null || event.generationId().isBlank() || event.status() == null
                || (event.mediaType() != null && !event.mediaType().equalsIgnoreCase("video"))) {
            return Option.none();
        }
        JobId id = JobId.of(OxenCapabilities.PROVIDER, event.generationId());
        String raw = event.status();
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "succeeded":
            case "completed":
                return video(id, event.url(), raw).toOption()
                        .map(video -> Tuple.of(id, JobUpdate.succeeded(noted(video, event.model()), raw)));
            case "failed":
                return Option.some(Tuple.of(id, JobUpdate.failed(failure(event.error(), id), raw)));
            default:
                return Option.none();
        }
    }

    /** A row as the provider's job list shows it. */
    static Option<JobSummary> summary(GenerationRow row) {
        if (row == null || row.generationId() == null || row.generationId().isBlank()) {
            return Option.none();
        }
        JobId id = JobId.of(OxenCapabilities.PROVIDER, row.generationId());
        JobStatus status = fromRow(row, id).map(JobUpdate::status).getOrElse(JobStatus.RUNNING);
        return Option.some(new JobSummary(id, status, row.status(), Option.none(), Option.of(row.modelId()),
                Option.of(row.prompt()), Option.of(row.enqueuedAt()).flatMap(EpochTime::seconds)));
    }

    /** Oxen's statuses, for the queue's {@code status} filter; none for a status Oxen does not have. */
    static Option<String> wireStatus(JobStatus status) {
        return switch (status) {
            case QUEUED -> Option.some("queued");
            case RUNNING -> Option.some("processing");
            case SUCCEEDED -> Option.some("succeeded");
            case FAILED -> Option.some("failed");
            case CANCELLED -> Option.some("cancelled");
            case EXPIRED -> Option.none();
        };
    }

    /** Why generation {@code id} failed, from Oxen's sentence. */
    static JobFailure failure(String message, JobId id) {
        String said = message == null || message.isBlank() ? "no reason given" : message.strip();
        FailureKind kind;
        String code;
        String hint;
        if (MODERATION.matcher(said).find()) {
            kind = FailureKind.MODERATION;
            code = "content_moderated";
            hint = "Change the prompt or the input before trying again.";
        } else if (INVALID_PARAMETERS.matcher(said).find()) {
            kind = FailureKind.INVALID_REQUEST;
            code = "invalid_params";
            hint = "Fix the request: check it against the model's request_schema (OxenVideoProvider.models()).";
        } else if (INVALID_INPUT.matcher(said).find()) {
            kind = FailureKind.INVALID_REQUEST;
            code = "invalid_input";
            hint = "Check that the input is a public URL of a readable file.";
        } else if (TIMED_OUT.matcher(said).find()) {
            kind = FailureKind.EXPIRED;
            code = "expired";
            hint = "Submit it again.";
        } else if (CREDITS.matcher(said).find()) {
            kind = FailureKind.QUOTA;
            code = "insufficient_credits";
            hint = "Add credits to the namespace billed.";
        } else {
            kind = FailureKind.PROVIDER_ERROR;
            code = "generation_failed";
            hint = "Oxen failed on its side; try again later.";
        }
        return JobFailure.of(kind, code, "Oxen reports that generation " + id.value() + " failed: " + said
                + (said.endsWith(".") ? " " : ". ") + hint).withJobId(id);
    }

    private static Either<JobFailure, GeneratedVideo> video(JobId id, String url, String raw) {
        if (url == null || url.isBlank()) {
            return Either.left(JobFailure.of(FailureKind.PROTOCOL, "missing_result_url",
                    "Oxen says generation " + id.value() + " is " + raw + " but names no result URL.").withJobId(id));
        }
        return ResultLocation.parse(url).toEither(() -> JobFailure.of(FailureKind.PROTOCOL, "bad_result_url",
                        "Oxen gave generation " + id.value() + " a result URL that is not an http(s) URL a download can fetch.")
                        .withJobId(id))
                .map(location -> GeneratedVideo.at(id, location));
    }

    private static GeneratedVideo withRowFacts(GeneratedVideo video, GenerationRow row) {
        GeneratedVideo known = noted(video, row.modelId());
        if (row.duration() != null && row.duration().canConvertToInt() && row.duration().asInt() > 0) {
            known = known.withDuration(Duration.ofSeconds(row.duration().asInt())); // the requested length, echoed
        }
        if (row.cost() != null && !row.cost().isBlank()) {
            Option<BigDecimal> cost = Try.of(() -> new BigDecimal(row.cost().strip())).toOption();
            known = cost.map(known::withCostUsd).getOrElse(known);
        }
        if (row.targetRepo() != null) {
            known = known.withDetail("target_repo", (row.targetNamespace() == null ? "" : row.targetNamespace() + "/") + row.targetRepo());
        }
        return known;
    }

    private static GeneratedVideo noted(GeneratedVideo video, String model) {
        if (model == null) {
            return video;
        }
        GeneratedVideo named = video.withDetail("model", model);
        return model.equals(OxenCapabilities.EDIT_MODEL) ? named.withDetail("input_handling", EDIT_INPUT_NOTE) : named;
    }
}
