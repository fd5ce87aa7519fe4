package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.http.download.ResultLocation;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.error.ProviderError;
import io.imagine4j.http.json.ApiJson;
import io.imagine4j.http.json.EpochTime;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.xai.wire.FlatError;
import io.imagine4j.xai.wire.VideoStatus;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads a poll answer the way xAI and what stands in front of it actually send it:
 * <ul>
 *   <li>pending is HTTP 202, with {@code {"status":"pending","progress":N}} or an empty body;</li>
 *   <li>done is {@code status: done} with the result under {@code video.url}; the guide documents
 *       a flat finished answer, {@code {"url": …, "duration": N}} with no status; gateways say
 *       {@code completed}; the OpenAI-SDK route says {@code completed} with the result at
 *       {@code data[0].url}. All of these are results;</li>
 *   <li>a finished answer is a moderation verdict only when it says so,
 *       {@code respect_moderation: false}; one that names no video at all breaks the API and is a
 *       {@code PROTOCOL} failure of the poll (retried a few times by the service, then the job's
 *       end), never taken for moderation, which would send the user to change a prompt that was fine;</li>
 *   <li>moderation may also come as HTTP 400 {@code imagine:content-moderated} on the poll itself:
 *       a terminal, billed outcome, not an error to retry;</li>
 *   <li>{@code failed} carries {@code error.code}; {@code expired} ends the job; statuses xAI does
 *       not define ({@code queued}, {@code processing}, {@code in_progress}…) are read by their
 *       meaning, and unknown ones as "not finished";</li>
 *   <li>404 is an unknown id; other errors are classified, with a wrong key (400 "Incorrect API
 *       key") as an authentication failure.</li>
 * </ul>
 * The reported cost ({@code usage.cost_in_usd_ticks}) is kept on the result, or on the failure of
 * a billed one; result URLs last about {@link #RESULT_LIFETIME} from the job's end.
 */
final class XaiPolls {

    static final String MODERATED = "imagine:content-moderated";
    /** How long xAI serves a result URL after the job ends (its guide: "temporary", about a day). */
    static final Duration RESULT_LIFETIME = Duration.ofHours(24);

    private static final BigDecimal TICKS_PER_USD = new BigDecimal("10000000000");

    private XaiPolls() {
    }

    static Either<JobFailure, JobUpdate> interpret(ApiResponse<VideoStatus> answer, JobId id, ErrorClassifier errors) {
        Instant now = errors.clock().instant();
        Option<Duration> hint = answer.headers().retryAfter(now).map(r -> r.delay());
        Either<JobFailure, JobUpdate> update;
        if (answer.status() == 202 && !answer.hasBody()) {
            update = Either.right(JobUpdate.running("pending"));
        } else if (answer.isSuccess()) {
            update = answer.body().flatMap(status -> fromStatus(status, id, now));
        } else if (answer.status() == 400 && moderationCode(answer)) {
            update = Either.right(moderated(id, costOf(answer), "xAI rejected the generated video by content moderation"));
        } else {
            update = Either.left(errors.classify(answer).withJobId(id));
        }
        return update.map(u -> hint.isDefined() && !u.status().isTerminal() ? u.withPollAfter(hint.get()) : u);
    }

    private static Either<JobFailure, JobUpdate> fromStatus(VideoStatus answer, JobId id, Instant now) {
        String raw = answer.status() == null ? "" : answer.status();
        Option<BigDecimal> cost = Option.of(answer.usage()).flatMap(u -> Option.of(u.costInUsdTicks())).map(XaiPolls::usd);
        Option<VideoStatus.Video> video = result(answer);
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "done":
            case "completed":
            case "succeeded":
                return finished(answer, video, id, raw, cost, now);
            case "":
                // The guide's flat finished answer has no status; without a result either, nothing was said.
                return video.isDefined() ? finished(answer, video, id, raw, cost, now)
                        : Either.right(progressed(JobUpdate.running(raw), answer.progress()));
            case "failed":
                return Either.right(JobUpdate.failed(failure(answer.error(), id, cost), raw));
            case "expired":
                return Either.right(JobUpdate.expired(raw));
            case "cancelled":
            case "canceled":
                return Either.right(JobUpdate.cancelled(raw));
            case "queued":
                return Either.right(JobUpdate.queued(raw));
            case "pending":
                // xAI's one word for both: progress says whether work has begun.
                return Either.right(progressed(answer.progress() != null && answer.progress() > 0 ? JobUpdate.running(raw)
                        : JobUpdate.queued(raw), answer.progress()));
            default:
                return Either.right(progressed(JobUpdate.running(raw), answer.progress()));
        }
    }

    /** The result wherever the answer's shape puts it: {@code video}, the top level (the guide), or {@code data[0]}. */
    private static Option<VideoStatus.Video> result(VideoStatus answer) {
        if (answer.video() != null) {
            return Option.some(answer.video());
        }
        if (answer.url() != null || answer.respectModeration() != null) {
            return Option.some(new VideoStatus.Video(answer.url(), answer.duration(), answer.respectModeration(), null, null));
        }
        return Option.of(answer.data()).filter(data -> !data.isEmpty()).map(data -> data.get(0)).filter(java.util.Objects::nonNull);
    }

    private static Either<JobFailure, JobUpdate> finished(VideoStatus answer, Option<VideoStatus.Video> found, JobId id, String raw,
            Option<BigDecimal> cost, Instant now) {
        if (found.exists(video -> Boolean.FALSE.equals(video.respectModeration()))) {
            return Either.right(moderated(id, cost, "xAI finished the job but withheld the video (respect_moderation: false)"));
        }
        if (found.isEmpty() || found.get().url() == null || found.get().url().isBlank()) {
            String said = raw.isEmpty() ? "finished" : "is done (status: " + raw + ")";
            return Either.left(JobFailure.of(FailureKind.PROTOCOL, "done_without_video", "xAI said the job " + said
                    + " but named no video (no video.url, url or data[0].url) and no moderation verdict."
                    + " The answer breaks xAI's API; the job's result is not lost at xAI, so the poll is tried again.")
                    .withJobId(id));
        }
        VideoStatus.Video video = found.get();
        Option<URI> fetchable = ResultLocation.parse(video.url());
        if (fetchable.isEmpty()) {
            return Either.left(JobFailure.of(FailureKind.PROTOCOL, "unreadable_video_url",
                    "xAI said the job is done, but its video URL is not an http(s) URL a download can fetch.").withJobId(id));
        }
        URI location = fetchable.get();
        GeneratedVideo result = GeneratedVideo.at(id, location).withExpiresAt(now.plus(RESULT_LIFETIME));
        if (video.duration() != null) {
            result = result.withDuration(Duration.ofMillis(Math.round(video.duration() * 1000)));
        }
        if (cost.isDefined()) {
            result = result.withCostUsd(cost.get());
        }
        return Either.right(JobUpdate.succeeded(withDetails(result, answer, video), raw));
    }

    /** What else xAI said of the result: the model, and where {@code storage_options} stored it. */
    private static GeneratedVideo withDetails(GeneratedVideo result, VideoStatus answer, VideoStatus.Video video) {
        GeneratedVideo detailed = answer.model() == null ? result : result.withDetail("model", answer.model());
        VideoStatus.FileOutput file = video.fileOutput();
        if (file != null) {
            detailed = detail(detailed, "file_output.file_id", file.fileId());
            detailed = detail(detailed, "file_output.filename", file.filename());
            detailed = detail(detailed, "file_output.expires_at", instant(file.expiresAt()));
            detailed = detail(detailed, "file_output.public_url", file.publicUrl());
            detailed = detail(detailed, "file_output.public_url_expires_at", instant(file.publicUrlExpiresAt()));
            detailed = detail(detailed, "file_output.public_url_error", file.publicUrlError());
        }
        return detail(detailed, "storage_error", video.storageError());
    }

    private static GeneratedVideo detail(GeneratedVideo video, String name, String value) {
        return value == null || value.isBlank() ? video : video.withDetail(name, value);
    }

    private static String instant(Long epochSeconds) {
        return Option.of(epochSeconds).flatMap(EpochTime::seconds).map(Instant::toString).getOrNull();
    }

    private static JobFailure failure(VideoStatus.Error error, JobId id, Option<BigDecimal> cost) {
        String code = error == null || error.code() == null ? "failed" : error.code();
        String message = error == null || error.message() == null ? "xAI reports the job failed without a reason." : error.message();
        FailureKind kind = switch (code) {
            case "invalid_argument", "failed_precondition" -> FailureKind.INVALID_REQUEST;
            case "permission_denied" -> FailureKind.PERMISSION;
            case "service_unavailable" -> FailureKind.UNAVAILABLE;
            default -> FailureKind.PROVIDER_ERROR;
        };
        return billed(JobFailure.of(kind, code, message).withJobId(id), cost);
    }

    private static JobUpdate moderated(JobId id, Option<BigDecimal> cost, String what) {
        JobFailure failure = JobFailure.of(FailureKind.MODERATION, MODERATED, what
                + (cost.isDefined() ? "; the attempt was billed" : "") + ". Change the prompt or input before trying again.");
        return JobUpdate.failed(billed(failure.withJobId(id), cost), "moderated");
    }

    private static JobFailure billed(JobFailure failure, Option<BigDecimal> cost) {
        return cost.map(failure::withCostUsd).getOrElse(failure);
    }

    private static JobUpdate progressed(JobUpdate update, Integer progress) {
        return progress == null ? update : update.withProgress(Math.max(0, Math.min(100, progress)));
    }

    private static boolean moderationCode(ApiResponse<?> answer) {
        return ProviderError.parse(answer.rawBody(), ApiJson.mapper()).code().contains(MODERATED);
    }

    private static Option<BigDecimal> costOf(ApiResponse<?> answer) {
        return answer.bodyAs(FlatError.class).toOption()
                .flatMap(error -> Option.of(error.usage())).flatMap(u -> Option.of(u.costInUsdTicks())).map(XaiPolls::usd);
    }

    /** US dollars for {@code ticks}: 10,000,000,000 ticks are one dollar. */
    static BigDecimal usd(long ticks) {
        return BigDecimal.valueOf(ticks).divide(TICKS_PER_USD, 6, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
