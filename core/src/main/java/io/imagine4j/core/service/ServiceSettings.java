package io.imagine4j.core.service;

import io.imagine4j.core.time.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * The service's tunables, with defaults that suit the providers' own guidance (official clients
 * poll every 1–5 s and give up after 10 minutes; results live about a day).
 *
 * @param pollBackoff          waits between polls of one job
 * @param submitBackoff        waits before sending again a submit that surely started nothing
 * @param maxSubmitAttempts    how many times one job's submit may be sent, in all
 * @param watchTimeout         how long a job is followed before imagine4j stops polling it and
 *                             ends it as {@code TIMEOUT} (the provider may still finish it)
 * @param pushSafetyInterval   how often jobs are polled while a push channel is healthy
 * @param maxProtocolErrors    how many unreadable poll answers in a row end a job as {@code PROTOCOL}
 * @param downloadAttempts     how many times one download may be started or resumed
 * @param downloadBackoff      waits between download attempts
 * @param maxDownloadBytes     the largest result imagine4j will write to disk; this is the limit to
 *                             set (adapters keep their own only as a safety net, 4 GiB by default)
 */
public record ServiceSettings(
        Backoff pollBackoff,
        Backoff submitBackoff,
        int maxSubmitAttempts,
        Duration watchTimeout,
        Duration pushSafetyInterval,
        int maxProtocolErrors,
        int downloadAttempts,
        Backoff downloadBackoff,
        long maxDownloadBytes) {

    public ServiceSettings {
        Objects.requireNonNull(pollBackoff, "pollBackoff");
        Objects.requireNonNull(submitBackoff, "submitBackoff");
        Objects.requireNonNull(watchTimeout, "watchTimeout");
        Objects.requireNonNull(pushSafetyInterval, "pushSafetyInterval");
        Objects.requireNonNull(downloadBackoff, "downloadBackoff");
        if (maxSubmitAttempts < 1 || maxProtocolErrors < 1 || downloadAttempts < 1 || maxDownloadBytes < 1) {
            throw new IllegalArgumentException("attempt counts and the download limit must be positive");
        }
    }

    /** 1 s growing ×1.5 to 8 s (±20 %) between polls; 5 submit attempts; follow a job for 1 h. */
    public static ServiceSettings defaults() {
        return new ServiceSettings(
                Backoff.of(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(8), 0.2),
                Backoff.of(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.2),
                5,
                Duration.ofHours(1),
                Duration.ofSeconds(60),
                5,
                4,
                Backoff.of(Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), 0.2),
                4L * 1024 * 1024 * 1024);
    }
}
