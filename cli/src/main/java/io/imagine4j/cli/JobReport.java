package io.imagine4j.cli;

import io.imagine4j.core.cost.CostEstimate;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a run on one job ends with, for {@code --json}: one object with {@code job_id},
 * {@code provider}, {@code status}, {@code video} ({@code path}, {@code url}, {@code duration_s},
 * {@code bytes}, {@code expires_at}), {@code failure} ({@code kind}, {@code code}, {@code message}),
 * {@code cost_usd} when known and {@code estimate} when asked for.
 */
record JobReport(Option<JobId> jobId, String provider, Option<JobStatus> status, Option<GeneratedVideo> video,
                 Option<Path> path, Option<Long> bytes, Option<JobFailure> failure, Option<CostEstimate> estimate) {

    static JobReport of(String provider) {
        return new JobReport(Option.none(), provider, Option.none(), Option.none(), Option.none(), Option.none(),
                Option.none(), Option.none());
    }

    JobReport withJob(JobId id) {
        return new JobReport(Option.some(id), provider, status, video, path, bytes, failure, estimate);
    }

    JobReport withStatus(JobStatus value) {
        return new JobReport(jobId, provider, Option.some(value), video, path, bytes, failure, estimate);
    }

    JobReport withVideo(GeneratedVideo value) {
        return new JobReport(jobId, provider, status, Option.some(value), path, bytes, failure, estimate);
    }

    JobReport withFile(Path file, long size) {
        return new JobReport(jobId, provider, status, video, Option.some(file), Option.some(size), failure, estimate);
    }

    JobReport withFailure(JobFailure value) {
        return new JobReport(jobId, provider, status, video, path, bytes, Option.some(value), estimate);
    }

    JobReport withEstimate(CostEstimate value) {
        return new JobReport(jobId, provider, status, video, path, bytes, failure, Option.some(value));
    }

    String toJson() {
        JsonDocument document = new JsonDocument()
                .put("job_id", jobId.map(JobId::toString).getOrNull())
                .put("provider", provider)
                .put("status", status.map(s -> s.name().toLowerCase(Locale.ROOT)).getOrNull());
        if (video.isDefined() || path.isDefined()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("path", path.map(Path::toString).getOrNull());
            v.put("url", video.map(GeneratedVideo::location).map(Object::toString).getOrNull());
            v.put("duration_s", video.flatMap(GeneratedVideo::duration).map(d -> d.toMillis() / 1000.0).getOrNull());
            v.put("bytes", bytes.getOrNull());
            v.put("expires_at", video.flatMap(GeneratedVideo::expiresAt).map(Object::toString).getOrNull());
            document.put("video", v);
        } else {
            document.put("video", null);
        }
        document.put("failure", failure.map(JsonDocument::failureObject).getOrNull());
        Option<BigDecimal> cost = video.flatMap(GeneratedVideo::costUsd).orElse(failure.flatMap(JobFailure::costUsd));
        if (cost.isDefined()) {
            document.put("cost_usd", cost.get());
        }
        estimate.forEach(e -> document.put("estimate", estimateObject(e)));
        return document.toString();
    }

    static Map<String, Object> estimateObject(CostEstimate estimate) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("usd", estimate.usd());
        object.put("seconds_per_video", estimate.perVideo().toMillis() / 1000.0);
        object.put("generations", estimate.generations());
        object.put("price", estimate.price().toString());
        return object;
    }
}
