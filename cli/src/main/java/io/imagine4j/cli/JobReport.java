package io.imagine4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a run ends with, for {@code --json}: one object with {@code job_id}, {@code provider},
 * {@code status}, {@code video} ({@code path}, {@code url}, {@code duration_s}, {@code bytes}),
 * {@code failure} ({@code kind}, {@code code}, {@code message}) and {@code cost_usd} when known.
 */
record JobReport(Option<JobId> jobId, String provider, Option<JobStatus> status, Option<GeneratedVideo> video,
                 Option<Path> path, Option<Long> bytes, Option<JobFailure> failure) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JobReport of(String provider) {
        return new JobReport(Option.none(), provider, Option.none(), Option.none(), Option.none(), Option.none(),
                Option.none());
    }

    JobReport withJob(JobId id) {
        return new JobReport(Option.some(id), provider, status, video, path, bytes, failure);
    }

    JobReport withStatus(JobStatus value) {
        return new JobReport(jobId, provider, Option.some(value), video, path, bytes, failure);
    }

    JobReport withVideo(GeneratedVideo value) {
        return new JobReport(jobId, provider, status, Option.some(value), path, bytes, failure);
    }

    JobReport withFile(Path file, long size) {
        return new JobReport(jobId, provider, status, video, Option.some(file), Option.some(size), failure);
    }

    JobReport withFailure(JobFailure value) {
        return new JobReport(jobId, provider, status, video, path, bytes, Option.some(value));
    }

    String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("job_id", jobId.map(JobId::toString).getOrNull());
        root.put("provider", provider);
        root.put("status", status.map(s -> s.name().toLowerCase(Locale.ROOT)).getOrNull());
        if (video.isDefined() || path.isDefined()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("path", path.map(Path::toString).getOrNull());
            v.put("url", video.map(GeneratedVideo::location).map(Object::toString).getOrNull());
            v.put("duration_s", video.flatMap(GeneratedVideo::duration).map(d -> d.toMillis() / 1000.0).getOrNull());
            v.put("bytes", bytes.getOrNull());
            root.put("video", v);
        } else {
            root.put("video", null);
        }
        root.put("failure", failure.map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            m.put("code", f.code());
            m.put("message", f.message());
            return m;
        }).getOrNull());
        Option<BigDecimal> cost = video.flatMap(GeneratedVideo::costUsd);
        if (cost.isDefined()) {
            root.put("cost_usd", cost.get());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report of plain values always serialises", e);
        }
    }
}
