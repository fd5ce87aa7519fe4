package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.error.ProviderError;
import io.imagine4j.http.json.ApiJson;
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
 * Reads a poll answer the way xAI actually sends it:
 * <ul>
 *   <li>pending is HTTP 202, with {@code {"status":"pending","progress":N}} or an empty body;</li>
 *   <li>done is {@code status: done} with the result under {@code video.url}; a {@code done} whose
 *       {@code video.respect_moderation} is false (and url empty) was blocked by moderation;</li>
 *   <li>moderation may also come as HTTP 400 {@code imagine:content-moderated} on the poll itself:
 *       a terminal, billed outcome, not an error to retry;</li>
 *   <li>{@code failed} carries {@code error.code}; {@code expired} ends the job; statuses xAI does
 *       not define (gateways invent {@code queued}, {@code processing}, {@code completed}…) are read
 *       by their meaning, and unknown ones as "not finished";</li>
 *   <li>404 is an unknown id; other errors are classified, with a wrong key (400 "Incorrect API
 *       key") as an authentication failure.</li>
 * </ul>
 */
final class XaiPolls {

    static final String MODERATED = "imagine:content-moderated";
    private static final BigDecimal TICKS_PER_USD = new BigDecimal("10000000000");

    private XaiPolls() {
    }

    static Either<JobFailure, JobUpdate> interpret(ApiResponse<VideoStatus> answer, JobId id, ErrorClassifier errors) {
        Option<Duration> hint = answer.headers().retryAfter(errors.clock().instant()).map(r -> r.delay());
        Either<JobFailure, JobUpdate> update;
        if (answer.status() == 202 && !answer.hasBody()) {
            update = Either.right(JobUpdate.running("pending"));
        } else if (answer.isSuccess()) {
            update = answer.body().map(status -> fromStatus(status, id));
        } else if (answer.status() == 400 && moderationCode(answer)) {
            update = Either.right(moderated(id, costOf(answer), "xAI rejected the generated video by content moderation"));
        } else {
            update = Either.left(errors.classify(answer).withJobId(id));
        }
        return update.map(u -> hint.isDefined() && !u.status().isTerminal() ? u.withPollAfter(hint.get()) : u);
    }

    private static JobUpdate fromStatus(VideoStatus answer, JobId id) {
        String raw = answer.status() == null ? "" : answer.status();
        Option<BigDecimal> cost = Option.of(answer.usage()).flatMap(u -> Option.of(u.costInUsdTicks())).map(XaiPolls::usd);
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "done":
            case "completed":
            case "succeeded":
                return finished(answer, id, raw, cost);
            case "failed":
                return JobUpdate.failed(failure(answer.error(), id, cost), raw);
            case "expired":
                return JobUpdate.expired(raw);
            case "cancelled":
            case "canceled":
                return JobUpdate.cancelled(raw);
            case "queued":
                return JobUpdate.queued(raw);
            case "pending":
                // xAI's one word for both: progress says whether work has begun.
                return progressed(answer.progress() != null && answer.progress() > 0 ? JobUpdate.running(raw)
                        : JobUpdate.queued(raw), answer.progress());
            default:
                return progressed(JobUpdate.running(raw), answer.progress());
        }
    }

    private static JobUpdate finished(VideoStatus answer, JobId id, String raw, Option<BigDecimal> cost) {
        VideoStatus.Video video = answer.video();
        boolean blocked = video == null || Boolean.FALSE.equals(video.respectModeration())
                || video.url() == null || video.url().isBlank();
        if (blocked) {
            return moderated(id, cost, "xAI finished the job but withheld the video (respect_moderation: false)");
        }
        GeneratedVideo result = GeneratedVideo.at(id, URI.create(video.url()));
        if (video.duration() != null) {
            result = result.withDuration(Duration.ofMillis(Math.round(video.duration() * 1000)));
        }
        if (cost.isDefined()) {
            result = result.withCostUsd(cost.get());
        }
        return JobUpdate.succeeded(result, raw);
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
        return JobFailure.of(kind, code, message + billed(cost)).withJobId(id);
    }

    private static JobUpdate moderated(JobId id, Option<BigDecimal> cost, String what) {
        return JobUpdate.failed(JobFailure.of(FailureKind.MODERATION, MODERATED, what + billed(cost)
                + ". Change the prompt or input before trying again.").withJobId(id), "moderated");
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

    private static String billed(Option<BigDecimal> cost) {
        return cost.map(usd -> " (billed $" + usd.toPlainString() + ")").getOrElse("");
    }

    private static BigDecimal usd(long ticks) {
        return BigDecimal.valueOf(ticks).divide(TICKS_PER_USD, 6, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
