package io.imagine4j.testkit.internal.sim;

import io.vavr.Lazy;
import io.vavr.control.Option;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A file a simulator serves publicly, like a storage bucket: a job's result or an input a test
 * published. Its bytes are made on first download (encoding an MP4 costs time, and most polls
 * never download).
 *
 * <pre>{@code
 * HostedFile result = host("video-" + job.id() + ".mp4", "video/mp4", () -> SampleMp4.of(length),
 *         Option.some(job.id()), Option.some(job.endsAt().plus(options().resultTtl())));
 * URI url = result.url();                                  // what the poll answer points to
 * }</pre>
 */
public final class HostedFile {

    private final String name;
    private final URI url;
    private final String contentType;
    private final Lazy<byte[]> content;
    private final Option<String> jobId;
    private final Option<Instant> expiresAt;

    public HostedFile(String name, URI url, String contentType, Supplier<byte[]> content, Option<String> jobId, Option<Instant> expiresAt) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.content = Lazy.of(Objects.requireNonNull(content, "content"));
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public String name() {
        return name;
    }

    public URI url() {
        return url;
    }

    public String contentType() {
        return contentType;
    }

    /** The bytes (shared: do not modify). */
    public byte[] content() {
        return content.get();
    }

    /** The job whose result this is; its content faults apply to downloads. */
    public Option<String> jobId() {
        return jobId;
    }

    public Option<Instant> expiresAt() {
        return expiresAt;
    }

    public boolean isExpired(Instant now) {
        return expiresAt.exists(limit -> !now.isBefore(limit));
    }
}
