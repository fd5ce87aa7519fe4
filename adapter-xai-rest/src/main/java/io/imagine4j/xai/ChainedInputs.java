package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.DurationRange;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.http.download.ResultDownloader;
import io.vavr.control.Either;
import io.vavr.control.Try;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Sends a previous result as the input of an edit or extension, the cheapest way that still works:
 * <ol>
 *   <li>its URL, while it stays valid for {@link #URL_MARGIN} more (xAI fetches the input once the
 *       job starts, which may be minutes after the submit);</li>
 *   <li>else its bytes, downloaded now (without the API key) and sent inline, when they fit the
 *       inline limit;</li>
 *   <li>a result the service did not know is first looked up by polling xAI for its job; its input
 *       length is then checked here, since the capability check could not know it.</li>
 * </ol>
 */
final class ChainedInputs {

    /** How long a result URL must stay valid after the submit for xAI to fetch it in time. */
    static final Duration URL_MARGIN = Duration.ofMinutes(15);

    private final Function<JobId, Either<JobFailure, JobUpdate>> polls;
    private final ResultDownloader results;
    private final Clock clock;
    private final long maxInlineBytes;

    ChainedInputs(Function<JobId, Either<JobFailure, JobUpdate>> polls, ResultDownloader results, Clock clock, long maxInlineBytes) {
        this.polls = polls;
        this.results = results;
        this.clock = clock;
        this.maxInlineBytes = maxInlineBytes;
    }

    /** What xAI's {@code video.url} takes for {@code previous}, or why it cannot be sent (nothing was). */
    Either<JobFailure, String> urlFor(MediaSource.PreviousResult previous, RequestLimits limits) {
        return previous.video().<Either<JobFailure, GeneratedVideo>>map(Either::right)
                .getOrElse(() -> lookUp(previous.jobId(), limits))
                .flatMap(video -> previous.resolved(video).locationValidAt(clock.instant(), URL_MARGIN)
                        .<Either<JobFailure, String>>map(url -> Either.right(url.toString()))
                        .getOrElse(() -> inline(video)));
    }

    private Either<JobFailure, GeneratedVideo> lookUp(JobId jobId, RequestLimits limits) {
        return polls.apply(jobId)
                .mapLeft(failure -> failure.withMessage("The result of job " + jobId + " could not be looked up at xAI to send it: "
                        + failure.message()))
                .flatMap(update -> update.status() == JobStatus.SUCCEEDED ? Either.right(update.result().get())
                        : Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "input_not_ready", "Job " + jobId + " is "
                                + update.status() + " at xAI" + (update.status().isTerminal() ? ", with no result to send"
                                : "; wait for it to succeed") + ". Nothing was sent.").withJobId(jobId)))
                .flatMap(video -> lengthAccepted(video, limits));
    }

    private static Either<JobFailure, GeneratedVideo> lengthAccepted(GeneratedVideo video, RequestLimits limits) {
        if (limits.inputDuration().isEmpty() || video.duration().isEmpty()
                || limits.inputDuration().get().contains(video.duration().get())) {
            return Either.right(video);
        }
        DurationRange range = limits.inputDuration().get();
        return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "input_length", "video: the result of job " + video.jobId()
                + " is " + DurationRange.seconds(video.duration().get()) + " s long, outside what is accepted (allowed: "
                + range.describe() + "). Nothing was sent."));
    }

    private Either<JobFailure, String> inline(GeneratedVideo video) {
        String why = "The result of job " + video.jobId() + " at " + video.displayLocation() + " expires"
                + video.expiresAt().map(at -> " at " + at).getOrElse("") + ", too soon for xAI to fetch it";
        return results.open(video.location(), 0)
                .mapLeft(failure -> failure.withMessage(why + ", and it could not be downloaded to send inline: " + failure.message()))
                .flatMap(content -> read(content, video, why));
    }

    private Either<JobFailure, String> read(VideoContent content, GeneratedVideo video, String why) {
        return Try.withResources(() -> content).of(opened -> readBounded(opened.body()))
                .toEither()
                .mapLeft(error -> JobFailure.of(FailureKind.UNAVAILABLE, "input_download",
                        why + "; downloading it to send inline broke: " + error.getMessage()).withJobId(video.jobId()))
                .flatMap(bytes -> bytes.length > maxInlineBytes
                        ? Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "input_too_large", why + "; sent inline it would"
                                + " be more than the " + maxInlineBytes + " bytes allowed. Download it and give a public URL instead.")
                                .withJobId(video.jobId()))
                        : Try.of(() -> InlineMedia.dataUri(bytes, "the result of job " + video.jobId())).toEither()
                                .mapLeft(error -> JobFailure.of(FailureKind.INVALID_REQUEST, "unreadable_input", why + "; "
                                        + error.getMessage()).withJobId(video.jobId())));
    }

    /** At most one byte more than the inline limit: enough to know it is too large without holding a whole large file. */
    private byte[] readBounded(InputStream body) throws IOException {
        return body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxInlineBytes + 1));
    }
}
