package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A finished video at the provider: where it is, how long it runs, until when it can be fetched,
 * and what it cost when the provider says. Fetch it with {@code VideoJobs.download}; result
 * locations may be temporary. It is also an input of later jobs: {@link MediaSource#of(GeneratedVideo)}.
 *
 * <pre>{@code
 * GeneratedVideo video = job.await(Duration.ofMinutes(10)).get();
 * video.expiresAt();                          // xAI: about a day after the job ended
 * VideoRequest next = VideoRequest.edit("Add falling snow", MediaSource.of(video));
 * }</pre>
 *
 * @param jobId     the job that made it
 * @param location  where the provider serves it; signed URLs carry credentials in their query,
 *                  so {@link #toString()} never prints the query
 * @param mediaType the announced type, {@link MediaType#MP4} unless the provider says otherwise
 * @param duration  its length, when the provider says
 * @param expiresAt when the location stops working, when the provider says or documents it
 * @param costUsd   what the job cost in US dollars, when the provider says
 * @param details   provider-specific facts worth keeping (xAI's {@code file_output}, OpenAI's
 *                  {@code size}); never a secret
 */
public record GeneratedVideo(JobId jobId, URI location, MediaType mediaType, Option<Duration> duration,
                             Option<Instant> expiresAt, Option<BigDecimal> costUsd, Map<String, String> details) {

    public GeneratedVideo {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(costUsd, "costUsd");
        details = Map.copyOf(details);
    }

    /** An MP4 at {@code location}, with nothing else known yet. */
    public static GeneratedVideo at(JobId jobId, URI location) {
        return new GeneratedVideo(jobId, location, MediaType.MP4, Option.none(), Option.none(), Option.none(), Map.of());
    }

    public GeneratedVideo withDuration(Duration length) {
        return new GeneratedVideo(jobId, location, mediaType, Option.of(length), expiresAt, costUsd, details);
    }

    public GeneratedVideo withExpiresAt(Instant at) {
        return new GeneratedVideo(jobId, location, mediaType, duration, Option.of(at), costUsd, details);
    }

    public GeneratedVideo withCostUsd(BigDecimal usd) {
        return new GeneratedVideo(jobId, location, mediaType, duration, expiresAt, Option.of(usd), details);
    }

    public GeneratedVideo withMediaType(MediaType type) {
        return new GeneratedVideo(jobId, location, type, duration, expiresAt, costUsd, details);
    }

    /** This video with one more provider-specific fact; a later value for the same name wins. */
    public GeneratedVideo withDetail(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(details);
        next.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new GeneratedVideo(jobId, location, mediaType, duration, expiresAt, costUsd, next);
    }

    /** Whether the location has stopped working at {@code now}, as far as the provider said. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt.exists(at -> !now.isBefore(at));
    }

    /** The location without its query, safe for logs. */
    public String displayLocation() {
        String text = location.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query) + "?…";
    }

    @Override
    public String toString() {
        return "GeneratedVideo[" + jobId + " at " + displayLocation()
                + duration.map(d -> ", " + d.toMillis() / 1000.0 + " s").getOrElse("")
                + costUsd.map(c -> ", $" + c.toPlainString()).getOrElse("") + "]";
    }
}
