package io.imagine4j.benchmarks.load;

import io.imagine4j.core.service.ServiceSettings;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a hand-written client polls a job next: a fixed interval (the docs' loop), the server's
 * hint (what OpenAI's SDKs do), or imagine4j's own schedule, mirrored.
 */
sealed interface PollCadence {

    /** A fresh schedule for one job submitted at {@code startNanos} ({@code System.nanoTime()}). */
    JobCadence forJob(long startNanos);

    /** One job's schedule. */
    interface JobCadence {

        /** The wait before the first poll, given what the submit answer said. */
        default Duration first(PollAnswer.Pending submitted, long nowNanos) {
            return next(submitted, nowNanos);
        }

        /** The wait after a pending answer read at {@code nowNanos}. */
        Duration next(PollAnswer.Pending answer, long nowNanos);
    }

    /** Every {@code interval}, whatever the server says: the providers' documentation's loop. */
    record Fixed(Duration interval) implements PollCadence {
        @Override
        public JobCadence forJob(long startNanos) {
            return new JobCadence() {
                @Override
                public Duration next(PollAnswer.Pending answer, long nowNanos) {
                    return interval;
                }
            };
        }
    }

    /** The server's poll hint, else {@code fallback}: what OpenAI's SDKs' poll helpers do. */
    record Hinted(Duration fallback) implements PollCadence {
        @Override
        public JobCadence forJob(long startNanos) {
            return new JobCadence() {
                @Override
                public Duration next(PollAnswer.Pending answer, long nowNanos) {
                    return answer.hint().orElse(fallback);
                }
            };
        }
    }

    /** imagine4j's schedule under {@code settings}: its backoff ladder, or near the predicted end of a job that reports progress. */
    record Library(ServiceSettings settings) implements PollCadence {
        @Override
        public JobCadence forJob(long startNanos) {
            return new MirroredPollSchedule(settings, startNanos);
        }
    }

    /**
     * A copy of the core's package-private {@code PollSchedule} (same rule, same clamps, the clock
     * from the submit, a reading taken as [p, p + 1) %; on {@code nanoTime} instead of
     * {@code Instant}s), so that baseline (b) sends the calls imagine4j sends and the difference
     * between them is the library's work alone.
     */
    final class MirroredPollSchedule implements JobCadence {

        private final ServiceSettings settings;
        private final long start;
        private int round;
        private long firstReadAt;
        private int firstPercent = -1;
        private long lastReadAt;
        private int lastPercent = -1;

        MirroredPollSchedule(ServiceSettings settings, long start) {
            this.settings = settings;
            this.start = start;
        }

        @Override
        public Duration next(PollAnswer.Pending answer, long now) {
            observe(answer.progress(), now);
            Optional<Duration> hint = answer.hint();
            if (settings.progressAwarePolling() && lastPercent > 0) {
                Optional<Duration> predicted = predictedRemaining(now);
                if (predicted.isPresent()) {
                    Duration floor = settings.pollBackoff().initial();
                    Duration wait = clamp(predicted.get(), floor, settings.maxPredictedWait());
                    return hint.filter(h -> h.compareTo(wait) > 0).orElse(wait);
                }
            }
            Duration ladder = settings.pollBackoff().delay(round++, ThreadLocalRandom.current()::nextDouble);
            return hint.orElse(ladder);
        }

        private void observe(int percent, long at) {
            if (percent <= 0 || percent >= 100) {
                return;
            }
            if (firstPercent < 0) {
                firstPercent = percent;
                firstReadAt = at;
            }
            if (percent > lastPercent) {
                lastPercent = percent;
                lastReadAt = at;
            }
        }

        private Optional<Duration> predictedRemaining(long now) {
            double percentPerNano;
            double fastestPerNano;
            if (lastPercent > firstPercent && lastReadAt > firstReadAt) {
                percentPerNano = (lastPercent - firstPercent) / (double) (lastReadAt - firstReadAt);
                fastestPerNano = (lastPercent + 1 - firstPercent) / (double) (lastReadAt - firstReadAt);
            } else {
                long since = lastReadAt - start;
                if (since <= 0) {
                    return Optional.empty();
                }
                percentPerNano = lastPercent / (double) since;
                fastestPerNano = (lastPercent + 1) / (double) since;
            }
            long latest = Math.round((100 - lastPercent) / percentPerNano);
            long earliest = Math.round(Math.max(0, 99 - lastPercent) / fastestPerNano);
            long slack = settings.pollBackoff().max().toNanos() / 2;
            long left = Math.min(latest, earliest + slack) - (now - lastReadAt);
            return Optional.of(Duration.ofNanos(Math.max(0, left)));
        }

        private static Duration clamp(Duration value, Duration floor, Duration cap) {
            return value.compareTo(floor) < 0 ? floor : value.compareTo(cap) > 0 ? cap : value;
        }
    }
}
