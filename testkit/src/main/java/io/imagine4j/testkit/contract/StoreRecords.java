package io.imagine4j.testkit.contract;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.Generation;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records the store contract saves: plain ones for the behaviour groups, and rich ones with
 * every field of a {@link JobRecord} set (or deliberately left empty) for the round trip.
 * Instants carry nanoseconds, money a scale, extras every JSON type, since a store must keep them
 * exactly.
 */
final class StoreRecords {

    /** When the contract's time starts: a fixed instant, nanoseconds included. */
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456789Z");

    static final String PROVIDER = "contract";

    private StoreRecords() {
    }

    /** A text-to-video job of {@link #PROVIDER} about to be submitted at {@code createdAt}. */
    static JobRecord queued(Instant createdAt) {
        return queued(PROVIDER, createdAt);
    }

    static JobRecord queued(String provider, Instant createdAt) {
        return JobRecord.beforeSubmit(SubmissionKey.random(), provider,
                VideoRequest.textToVideo("A red fox running through fresh snow (store contract)"), createdAt);
    }

    /** The job accepted by its provider under a fresh id. */
    static JobRecord accepted(JobRecord record) {
        return record.withJobId(JobId.of(record.provider(), "job-" + record.key().value()));
    }

    /** The job running, {@code percent} done, at {@code at}. */
    static JobRecord running(JobRecord record, int percent, Instant at) {
        return record.withState(new JobState(JobStatus.RUNNING, Option.some(percent), "pending", Option.none(),
                Option.none(), at));
    }

    /** The job succeeded at {@code at}. */
    static JobRecord succeeded(JobRecord record, Instant at) {
        JobId id = record.jobId().getOrElse(() -> JobId.of(record.provider(), "job-" + record.key().value()));
        GeneratedVideo video = GeneratedVideo.at(id, URI.create("https://results.example.com/" + id.value() + ".mp4"));
        return record.withJobId(id).withState(new JobState(JobStatus.SUCCEEDED, Option.some(100), "done",
                Option.some(video), Option.none(), at));
    }

    /** The job failed at {@code at}. */
    static JobRecord failed(JobRecord record, Instant at) {
        return record.withState(JobState.failed(JobFailure.of(FailureKind.PROVIDER_ERROR, "internal_error",
                "The provider failed the job."), at));
    }

    // ---- every field ----

    /** Generation 2 of 3 of a text-to-video submit with every option and every kind of extra, succeeded with everything known. */
    static JobRecord richSucceeded() {
        SubmissionKey submission = new SubmissionKey("contract-submission-" + System.nanoTime());
        Generation generation = Generation.of(submission, 2, 3);
        VideoRequest request = VideoRequest.textToVideo("Snow on a red fox; \"quotes\", ünïcødé and emoji 🦊")
                .withOptions(everyOption());
        JobId id = JobId.of("contract", "video:" + generation.key().value());
        GeneratedVideo video = new GeneratedVideo(id,
                URI.create("https://results.example.com/v/" + id.value() + ".mp4?X-Sig=abc%2Fdef&expires=1"),
                MediaType.WEBM, Option.some(Duration.ofNanos(6_500_000_001L)),
                Option.some(T0.plus(Duration.ofHours(24)).plusNanos(7)), Option.some(new BigDecimal("0.3000")),
                Map.of("file_output", "s3://bucket/out.mp4", "size", "1280x720", "empty", ""));
        JobState state = new JobState(JobStatus.SUCCEEDED, Option.some(100), "done", Option.some(video), Option.none(),
                T0.plusSeconds(42).plusNanos(1));
        return new JobRecord(generation.key(), "contract", Option.some(request.kind()), Option.some(request),
                Option.some(id), state, T0, generation);
    }

    /** A job that failed with everything known: its code, message, id, a wait and a cost; progress kept. */
    static JobRecord richFailed() {
        SubmissionKey key = SubmissionKey.random();
        JobId id = JobId.of("contract", "moderated-" + key.value());
        JobFailure failure = new JobFailure(FailureKind.MODERATION, "imagine:content-moderated",
                "Generated video rejected by content moderation.", Option.some(id),
                Option.some(RetryAfter.of(Duration.ofMillis(1_500))), Option.some(new BigDecimal("0.05")));
        JobState state = new JobState(JobStatus.FAILED, Option.some(37), "moderated", Option.none(), Option.some(failure),
                T0.plusMillis(12_345));
        VideoRequest request = VideoRequest.imageToVideo("Animate this", MediaSource.url("https://example.com/first.png"));
        return new JobRecord(key, "contract", Option.some(request.kind()), Option.some(request), Option.some(id), state,
                T0.minusNanos(1), Generation.single(key));
    }

    /** A job followed by its id alone: no kind, no request; queued with nothing reported. */
    static JobRecord watched() {
        return JobRecord.watched(JobId.of("contract", "watched-" + System.nanoTime()), T0);
    }

    /** One unfinished record of each request kind not already covered, with each kind of input. */
    static List<JobRecord> everyKind(MediaSource localFile) {
        GeneratedVideo previous = new GeneratedVideo(JobId.of("contract", "earlier"),
                URI.create("https://results.example.com/earlier.mp4"), MediaType.MP4, Option.some(Duration.ofSeconds(8)),
                Option.some(T0.plus(Duration.ofDays(1))), Option.some(new BigDecimal("0.40")), Map.of("model", "m-1"));
        List<VideoRequest> requests = List.of(
                VideoRequest.imageToVideo("From a data URI", MediaSource.url("data:image/png;base64,iVBORw0KGgo="))
                        .with(o -> o.withResolution(Resolution.P480)),
                VideoRequest.edit("Make it snow", localFile),
                VideoRequest.edit("Chained", MediaSource.of(previous)),
                VideoRequest.extend("Go on", MediaSource.url("https://example.com/clip.mp4?token=t"))
                        .with(o -> o.withDurationSeconds(5)),
                VideoRequest.extend("Go on from a job", MediaSource.ofJob(JobId.of("contract", "other"))),
                VideoRequest.remix("At night", previous),
                VideoRequest.remix("By id", JobId.of("contract", "by:id")));
        List<JobRecord> records = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            records.add(JobRecord.beforeSubmit(SubmissionKey.random(), "contract", requests.get(i), T0.plusMillis(i)));
        }
        return records;
    }

    private static VideoOptions everyOption() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("name", "x");
        nested.put("absent", null);
        nested.put("weights", List.of(0.25, 0.75));
        nested.put("image", MediaSource.url("https://example.com/reference.png"));
        return VideoOptions.defaults()
                .withModel("model-1.5")
                .withDuration(Duration.ofMillis(6_250).plusNanos(3))
                .withAspectRatio(AspectRatio.PORTRAIT_9_16)
                .withResolution(Resolution.P1080)
                .withAudio(false)
                .withEndUser("user-42")
                .withGenerations(3)
                .withSeed(-9_007_199_254_740_993L)
                .withExtra("text", "plain")
                .withExtra("flag", true)
                .withExtra("int", 7)
                .withExtra("long", 7L)
                .withExtra("double", 0.1)
                .withExtra("decimal", new BigDecimal("1.10"))
                .withExtra("big", new BigInteger("123456789012345678901234567890"))
                .withExtra("list", Arrays.asList(1, "two", null, List.of(3L)))
                .withExtra("map", nested)
                .withExtra("reference", MediaSource.ofJob(JobId.of("contract", "ref")));
    }
}
