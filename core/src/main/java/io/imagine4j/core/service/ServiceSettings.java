package io.imagine4j.core.service;

import io.imagine4j.core.cost.Budget;
import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.time.Backoff;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * The service's tunables, with defaults that suit the providers' own guidance (official clients
 * poll every 1–5 s and give up after 10 minutes; results live about a day). Change one with its
 * wither; every other stays.
 *
 * <pre>{@code
 * ServiceSettings settings = ServiceSettings.defaults()
 *         .withWatchTimeout(Duration.ofMinutes(30))
 *         .withBudget(Budget.perSubmit(new BigDecimal("2.00")));
 * }</pre>
 *
 * @param pollBackoff          waits between polls of a job that reports no progress
 * @param submitBackoff        waits before sending again a submit that surely started nothing
 * @param maxSubmitAttempts    how many times one submit may be sent, in all
 * @param watchTimeout         how long a job is followed before imagine4j stops polling it and
 *                             ends it as {@code TIMEOUT} (the provider may still finish it)
 * @param pushSafetyInterval   how often jobs are polled while a push channel is healthy
 * @param maxProtocolErrors    how many unreadable poll answers in a row end a job as {@code PROTOCOL}
 * @param downloadAttempts     how many times one download may be started or resumed
 * @param downloadBackoff      waits between download attempts
 * @param maxDownloadBytes     the largest result imagine4j will write to disk; this is the limit to
 *                             set (adapters keep their own only as a safety net, 4 GiB by default)
 * @param progressAwarePolling whether a job that reports progress is polled near its predicted end
 *                             (elapsed × remaining ÷ done) instead of on the backoff's ladder
 * @param maxPredictedWait     the longest wait between polls that a prediction may choose
 * @param budget               a ceiling on estimated spending; none by default
 * @param prices               prices that override the adapter's, entry by entry
 * @param leaseDuration        how long a lease on a job in a shared store lasts without renewal
 * @param takeoverInterval     how often to claim jobs whose instance died (their lease lapsed);
 *                             none by default: set it where several instances share a store
 * @param modelsCacheTime      how long the provider's model list is trusted once fetched
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
        long maxDownloadBytes,
        boolean progressAwarePolling,
        Duration maxPredictedWait,
        Option<Budget> budget,
        PriceTable prices,
        Duration leaseDuration,
        Option<Duration> takeoverInterval,
        Duration modelsCacheTime) {

    public ServiceSettings {
        Objects.requireNonNull(pollBackoff, "pollBackoff");
        Objects.requireNonNull(submitBackoff, "submitBackoff");
        Objects.requireNonNull(watchTimeout, "watchTimeout");
        Objects.requireNonNull(pushSafetyInterval, "pushSafetyInterval");
        Objects.requireNonNull(downloadBackoff, "downloadBackoff");
        Objects.requireNonNull(maxPredictedWait, "maxPredictedWait");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(takeoverInterval, "takeoverInterval");
        Objects.requireNonNull(modelsCacheTime, "modelsCacheTime");
        if (maxSubmitAttempts < 1 || maxProtocolErrors < 1 || downloadAttempts < 1 || maxDownloadBytes < 1) {
            throw new IllegalArgumentException("attempt counts and the download limit must be positive");
        }
        if (!positive(watchTimeout) || !positive(pushSafetyInterval) || !positive(maxPredictedWait)
                || !positive(leaseDuration) || takeoverInterval.exists(interval -> !positive(interval))) {
            throw new IllegalArgumentException("timeouts, intervals and lease durations must be positive");
        }
    }

    /**
     * Polls 1 s growing ×1.5 to 8 s (±20 %), or near the predicted end for jobs that report progress
     * (at most 30 s apart); 5 submit attempts; follow a job for 1 h; leases of 2 min; models trusted
     * for 1 h; no budget.
     */
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
                4L * 1024 * 1024 * 1024,
                true,
                Duration.ofSeconds(30),
                Option.none(),
                PriceTable.empty(),
                Duration.ofMinutes(2),
                Option.none(),
                Duration.ofHours(1));
    }

    public ServiceSettings withPollBackoff(Backoff value) {
        return new ServiceSettings(value, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    public ServiceSettings withSubmitBackoff(Backoff value) {
        return new ServiceSettings(pollBackoff, value, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    public ServiceSettings withMaxSubmitAttempts(int value) {
        return new ServiceSettings(pollBackoff, submitBackoff, value, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    public ServiceSettings withWatchTimeout(Duration value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, value, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    public ServiceSettings withPushSafetyInterval(Duration value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, value,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    public ServiceSettings withMaxProtocolErrors(int value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                value, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    public ServiceSettings withDownloadAttempts(int value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, value, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    public ServiceSettings withDownloadBackoff(Backoff value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, value, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    public ServiceSettings withMaxDownloadBytes(long value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, value, progressAwarePolling,
                maxPredictedWait, budget, prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    /** Whether jobs that report progress are polled near their predicted end; on by default. */
    public ServiceSettings withProgressAwarePolling(boolean value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, value,
                maxPredictedWait, budget, prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    public ServiceSettings withMaxPredictedWait(Duration value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                value, budget, prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    /** Refuses submits whose estimate would pass {@code value}. */
    public ServiceSettings withBudget(Budget value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, Option.some(value), prices, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    /** Prices that override the adapter's, entry by entry. */
    public ServiceSettings withPrices(PriceTable value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, value, leaseDuration, takeoverInterval, modelsCacheTime);
    }

    public ServiceSettings withLeaseDuration(Duration value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, prices, value, takeoverInterval, modelsCacheTime);
    }

    /** Claims, every {@code value}, the unfinished jobs whose instance died; for stores shared by instances. */
    public ServiceSettings withTakeoverEvery(Duration value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, prices, leaseDuration, Option.some(value), modelsCacheTime);
    }

    public ServiceSettings withModelsCacheTime(Duration value) {
        return new ServiceSettings(pollBackoff, submitBackoff, maxSubmitAttempts, watchTimeout, pushSafetyInterval,
                maxProtocolErrors, downloadAttempts, downloadBackoff, maxDownloadBytes, progressAwarePolling,
                maxPredictedWait, budget, prices, leaseDuration, takeoverInterval, value);
    }

    private static boolean positive(Duration value) {
        return !value.isNegative() && !value.isZero();
    }
}
