package io.imagine4j.core.service;

import io.vavr.control.Option;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever progress a job reports and whatever a server hints, the next poll stays within its bounds. */
class PollScheduleProperties {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Property
    void a_predicted_wait_stays_between_the_first_step_and_the_cap_and_never_undercuts_a_hint(
            @ForAll @IntRange(min = 0, max = 100) int firstPercent, @ForAll @IntRange(min = 0, max = 600_000) int firstAt,
            @ForAll @IntRange(min = 0, max = 100) int lastPercent, @ForAll @IntRange(min = 0, max = 600_000) int lastAfter,
            @ForAll @IntRange(min = 0, max = 120_000) int hintMillis, @ForAll boolean hinted) {
        ServiceSettings settings = VideoJobServiceTest.exact().withProgressAwarePolling(true);
        PollSchedule schedule = new PollSchedule(settings, START);
        Instant first = START.plusMillis(firstAt);
        Instant last = first.plusMillis(lastAfter);
        schedule.observed(Option.some(firstPercent), first);
        schedule.observed(Option.some(lastPercent), last);
        Option<Duration> hint = hinted ? Option.some(Duration.ofMillis(hintMillis)) : Option.none();
        Duration wait = schedule.next(last, hint, () -> 0.5);
        if (hinted) {
            assertThat(wait).as("never sooner than the server asked").isGreaterThanOrEqualTo(hint.get());
        } else {
            assertThat(wait).isBetween(settings.pollBackoff().initial(), settings.maxPredictedWait());
        }
    }

    @Property
    void a_linear_job_is_polled_at_its_end_or_half_a_step_after_its_earliest_possible_end(
            @ForAll @IntRange(min = 10, max = 600) int seconds, @ForAll @IntRange(min = 5, max = 60) int percentAtFirstRead) {
        ServiceSettings settings = VideoJobServiceTest.exact().withProgressAwarePolling(true).withMaxPredictedWait(Duration.ofHours(1));
        PollSchedule schedule = new PollSchedule(settings, START);
        long readMillis = seconds * 10L * percentAtFirstRead;
        Instant read = START.plusMillis(readMillis);
        schedule.observed(Option.some(percentAtFirstRead), read);
        Duration wait = schedule.next(read, Option.none(), () -> 0.5);
        Duration left = Duration.between(read, START.plusSeconds(seconds));
        // The reading says [p, p + 1) %: the job may end as early as this, had it been at p + 1 %.
        Duration earliest = Duration.ofMillis(Math.round(readMillis * (99.0 - percentAtFirstRead) / (percentAtFirstRead + 1)));
        Duration soonAfterEarliest = earliest.plus(settings.pollBackoff().max().dividedBy(2));
        Duration expected = soonAfterEarliest.compareTo(left) < 0 ? soonAfterEarliest : left;
        long tolerance = Math.max(settings.pollBackoff().initial().toMillis(), 1);
        assertThat(wait.toMillis()).as("never after its end: wait %s against %s left", wait, left)
                .isLessThanOrEqualTo(left.toMillis() + tolerance);
        assertThat(Math.abs(wait.minus(expected).toMillis())).as("wait %s against %s expected", wait, expected)
                .isLessThanOrEqualTo(tolerance);
    }
}
