package io.imagine4j.openai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.json.EpochTime;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.openai.wire.VideoList;
import io.imagine4j.openai.wire.VideoObject;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the Video object the way OpenAI-compatible servers actually send it:
 * <ul>
 *   <li>statuses {@code queued}, {@code in_progress}, {@code completed}, {@code failed}, and the
 *       gateways' {@code pending}, {@code processing}, {@code succeeded}, {@code cancelled},
 *       {@code expired}; any other status is a job not finished;</li>
 *   <li>{@code error.code} typed: moderation ({@code moderation_blocked}, {@code sentinel_block}…),
 *       {@code expired}, quota, invalid input, else a provider error; the answer's
 *       {@code x-request-id} in the message;</li>
 *   <li>timestamps in Unix seconds or, from some gateways, milliseconds, told apart by magnitude;</li>
 *   <li>{@code openai-poll-after-ms} (and {@code Retry-After}) as the hint for the next poll;</li>
 *   <li>a finished video at its {@code /videos/{id}/content}, with its length from {@code seconds},
 *       its expiry from {@code expires_at}, and {@code size}, {@code model} and
 *       {@code remixed_from_video_id} among its details.</li>
 * </ul>
 */
final class OpenAiAnswers {

    /** Unix times at or above this are milliseconds: as seconds they would be past the year 5000. */
    static final long MILLISECONDS_FROM = 100_000_000_000L;

    private static final Set<String> MODERATION = Set.of("moderation_blocked", "sentinel_block", "content_policy_violation",
            "content_filter", "moderated");
    private static final Set<String> QUOTA = Set.of("insufficient_quota", "billing_hard_limit_reached", "quota_exceeded");

    private OpenAiAnswers() {
    }

    /** A poll's answer: the job's state, or the failure of the call. */
    static Either<JobFailure, JobUpdate> poll(ApiResponse<VideoObject> answer, JobId id, ErrorClassifier errors,
            Function<JobId, URI> content) {
        if (!answer.isSuccess()) {
            return Either.left(errors.classify(answer).forJob(id));
        }
        Option<String> requestId = answer.headers().requestId();
        Option<Duration> hint = answer.headers().pollAfter()
                .orElse(() -> answer.headers().retryAfter(errors.clock().instant()).map(r -> r.delay()));
        return answer.body().mapLeft(failure -> failure.forJob(id))
                .map(video -> update(video, id, requestId, content))
                .map(update -> hint.isDefined() && !update.status().isTerminal() ? update.withPollAfter(hint.get()) : update);
    }

    /** The state a Video object describes. */
    static JobUpdate update(VideoObject video, JobId id, Option<String> requestId, Function<JobId, URI> content) {
        String raw = video.status() == null ? "" : video.status();
        JobUpdate update = switch (status(raw)) {
            case SUCCEEDED -> JobUpdate.succeeded(result(video, id, content), raw);
            case FAILED -> failed(video, id, requestId, raw);
            case EXPIRED -> new JobUpdate(JobStatus.EXPIRED, Option.none(), Option.none(), Option.some(JobFailure.of(
                    FailureKind.EXPIRED, "expired", "The job expired at the provider before it finished"
                            + requested(requestId) + "; submit it again.").withJobId(id)), raw, Option.none());
            case CANCELLED -> JobUpdate.cancelled(raw).forJob(id);
            case QUEUED -> JobUpdate.queued(raw);
            default -> JobUpdate.running(raw);
        };
        if (!update.status().isTerminal() && video.progress() != null) {
            update = update.withProgress(Math.max(0, Math.min(100, video.progress())));
        }
        return update;
    }

    /** A status word in the core's vocabulary; anything unknown is a job still running. */
    static JobStatus status(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "queued", "pending", "submitted", "waiting" -> JobStatus.QUEUED;
            case "completed", "succeeded", "success", "done" -> JobStatus.SUCCEEDED;
            case "failed", "error" -> JobStatus.FAILED;
            case "cancelled", "canceled" -> JobStatus.CANCELLED;
            case "expired" -> JobStatus.EXPIRED;
            default -> JobStatus.RUNNING; // in_progress, processing, running, and words no one has told us yet
        };
    }

    private static JobUpdate failed(VideoObject video, JobId id, Option<String> requestId, String raw) {
        String code = Option.of(video.error()).flatMap(e -> Option.of(e.code())).filter(c -> !c.isBlank()).getOrElse("failed");
        String message = Option.of(video.error()).flatMap(e -> Option.of(e.message())).filter(m -> !m.isBlank())
                .getOrElse("The provider reports the job failed without a reason.");
        String lower = code.toLowerCase(Locale.ROOT);
        if (lower.equals("expired")) {
            return new JobUpdate(JobStatus.EXPIRED, Option.none(), Option.none(), Option.some(JobFailure.of(FailureKind.EXPIRED,
                    code, sentence(message) + requested(requestId) + " Submit it again.").withJobId(id)), raw, Option.none());
        }
        FailureKind kind;
        String hint;
        if (MODERATION.contains(lower) || lower.contains("moderat")) {
            kind = FailureKind.MODERATION;
            hint = " Change the prompt or input before trying again.";
        } else if (QUOTA.contains(lower)) {
            kind = FailureKind.QUOTA;
            hint = " Add credits or raise the limit.";
        } else if (lower.startsWith("invalid") || lower.equals("bad_request") || lower.startsWith("unsupported")) {
            kind = FailureKind.INVALID_REQUEST;
            hint = " Fix the request: sent again unchanged, it fails the same way.";
        } else {
            kind = FailureKind.PROVIDER_ERROR;
            hint = " The provider failed on its side; try again later.";
        }
        return JobUpdate.failed(JobFailure.of(kind, code, sentence(message) + requested(requestId) + hint).withJobId(id), raw);
    }

    private static GeneratedVideo result(VideoObject video, JobId id, Function<JobId, URI> content) {
        GeneratedVideo result = GeneratedVideo.at(id, content.apply(id));
        result = seconds(video.seconds()).map(result::withDuration).getOrElse(result);
        result = Option.of(video.expiresAt()).flatMap(OpenAiAnswers::instant).map(result::withExpiresAt).getOrElse(result);
        if (video.size() != null) {
            result = result.withDetail("size", video.size());
        }
        if (video.model() != null) {
            result = result.withDetail("model", video.model());
        }
        if (video.remixedFromVideoId() != null) {
            result = result.withDetail("remixed_from_video_id", video.remixedFromVideoId());
        }
        return result;
    }

    /** One page of the list, continued after its last id while the server says there is more. */
    static JobPage page(VideoList list, String provider, int pageSize) {
        List<VideoObject> data = list.data() == null ? List.of()
                : list.data().stream().filter(Objects::nonNull).toList(); // a gateway's null entry is no job
        List<JobSummary> jobs = data.stream().filter(video -> video.id() != null && !video.id().isBlank())
                .map(video -> summary(video, provider)).toList();
        boolean more = list.hasMore() != null ? list.hasMore() : data.size() >= pageSize;
        Option<String> last = Option.of(list.lastId()).filter(id -> !id.isBlank())
                .orElse(() -> data.isEmpty() ? Option.none() : Option.of(data.get(data.size() - 1).id()));
        return new JobPage(jobs, more ? last : Option.none());
    }

    static JobSummary summary(VideoObject video, String provider) {
        String raw = video.status() == null ? "" : video.status();
        return new JobSummary(JobId.of(provider, video.id()), status(raw), raw,
                Option.of(video.progress()).map(p -> Math.max(0, Math.min(100, p))), Option.of(video.model()),
                Option.of(video.prompt()), Option.of(video.createdAt()).flatMap(OpenAiAnswers::instant));
    }

    /** A Unix time in seconds, or in milliseconds when it is too large to be seconds; none beyond what an Instant holds. */
    static Option<Instant> instant(long value) {
        return value >= MILLISECONDS_FROM ? EpochTime.millis(value) : EpochTime.seconds(value);
    }

    /** {@code "8"} (or {@code "8.5"}) seconds; none when missing or unreadable. */
    static Option<Duration> seconds(String text) {
        if (text == null || text.isBlank()) {
            return Option.none();
        }
        try {
            BigDecimal seconds = new BigDecimal(text.strip());
            return seconds.signum() <= 0 ? Option.none() : Option.some(Duration.ofMillis(seconds.movePointRight(3).longValue()));
        } catch (NumberFormatException unreadable) {
            return Option.none();
        }
    }

    private static String sentence(String message) {
        String trimmed = message.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    private static String requested(Option<String> requestId) {
        return requestId.map(id -> " (request id " + id + ")").getOrElse("");
    }
}
