package io.imagine4j.core.service;

import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When to poll one job next. A job that reports progress is polled near its predicted end: the
 * rate seen so far (percent per second, from the first progress reading to the latest, or from the
 * start to the latest when there is only one) gives the time left, and the next poll lands there,
 * no sooner than the backoff's first step and no later than {@code maxPredictedWait}. Progress is
 * reported in whole percents, cut down: an early reading (3 % of a 30 s job) leaves its end anywhere
 * within a quarter of the job. When the earliest end the reading allows is more than half the
 * backoff's longest step before the predicted one, the next poll lands that half-step after the
 * earliest end instead: it finds the job done, or reads a far more precise progress to aim with, so
 * a job is never found done more than that half-step late. A job that reports none climbs the
 * backoff's ladder. A server's hint is a floor: it is never polled sooner
 * than it asked. Not thread-safe: its job calls it under the job's lock.
 */
final class PollSchedule {

    private final ServiceSettings settings;
    private Instant start;
    private int round;
    private Instant firstReadAt;
    private int firstPercent = -1;
    private Instant lastReadAt;
    private int lastPercent = -1;

    PollSchedule(ServiceSettings settings, Instant start) {
        this.settings = settings;
        this.start = start;
    }

    /**
     * Measures the job's progress from {@code at}, when the submit that started it was sent: not
     * from when the job was handed to the service, which may be seconds earlier when submits queue
     * (a burst of thousands), and would make a job seem slower than it is and its end be polled late.
     */
    void restart(Instant at) {
        start = at;
    }

    /** Notes the progress a poll reported at {@code at}. */
    void observed(Option<Integer> progress, Instant at) {
        if (progress.isEmpty() || progress.get() <= 0 || progress.get() >= 100) {
            return;
        }
        int percent = progress.get();
        if (firstPercent < 0) {
            firstPercent = percent;
            firstReadAt = at;
        }
        if (percent > lastPercent) {
            lastPercent = percent;
            lastReadAt = at;
        }
    }

    /** The wait before the next poll, at {@code now}, given the server's hint. */
    Duration next(Instant now, Option<Duration> hint, DoubleSupplier random) {
        Option<Duration> predicted = settings.progressAwarePolling() ? predictedRemaining(now) : Option.none();
        if (predicted.isDefined()) {
            Duration floor = settings.pollBackoff().initial();
            Duration wait = clamp(predicted.get(), floor, settings.maxPredictedWait());
            return hint.filter(h -> h.compareTo(wait) > 0).getOrElse(wait);
        }
        Duration ladder = settings.pollBackoff().delay(round++, random);
        return hint.getOrElse(ladder);
    }

    /** The wait before the next poll after a failed one. */
    Duration afterFailure(Option<Duration> hint, DoubleSupplier random) {
        return hint.getOrElse(() -> settings.pollBackoff().delay(round++, random));
    }

    private Option<Duration> predictedRemaining(Instant now) {
        if (lastPercent <= 0) {
            return Option.none();
        }
        // A reading of p % means somewhere in [p, p + 1): the end predicted from p is the latest, from
        // p + 1 (further along, and so faster) the earliest.
        double percentPerMilli;
        double fastestPerMilli;
        if (lastPercent > firstPercent && lastReadAt.isAfter(firstReadAt)) {
            long between = Duration.between(firstReadAt, lastReadAt).toMillis();
            percentPerMilli = (lastPercent - firstPercent) / (double) between;
            fastestPerMilli = (lastPercent + 1 - firstPercent) / (double) between;
        } else {
            long since = Duration.between(start, lastReadAt).toMillis();
            if (since <= 0) {
                return Option.none();
            }
            percentPerMilli = lastPercent / (double) since;
            fastestPerMilli = (lastPercent + 1) / (double) since;
        }
        long latest = Math.round((100 - lastPercent) / percentPerMilli);
        long earliest = Math.round(Math.max(0, 99 - lastPercent) / fastestPerMilli);
        long slack = settings.pollBackoff().max().toMillis() / 2;
        long leftFromLastRead = Math.min(latest, earliest + slack);
        Duration left = Duration.ofMillis(leftFromLastRead).minus(Duration.between(lastReadAt, now));
        return Option.some(left.isNegative() ? Duration.ZERO : left);
    }

    private static Duration clamp(Duration value, Duration floor, Duration cap) {
        return value.compareTo(floor) < 0 ? floor : value.compareTo(cap) > 0 ? cap : value;
    }
}
