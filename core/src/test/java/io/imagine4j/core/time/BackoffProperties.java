package io.imagine4j.core.time;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffProperties {

    private final Backoff backoff = Backoff.of(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(8), 0.2);

    @Property
    void every_wait_stays_within_the_jitter_band_around_the_capped_curve(@ForAll @IntRange(min = 0, max = 200) int attempt,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double random) {
        double base = Math.min(1000 * Math.pow(1.5, attempt), 8000);
        long delay = backoff.delay(attempt, () -> random).toMillis();
        assertThat(delay).isBetween((long) Math.floor(base * 0.8), (long) Math.ceil(base * 1.2));
    }

    @Property
    void without_jitter_waits_grow_until_the_cap(@ForAll @IntRange(min = 0, max = 50) int attempt) {
        Backoff exact = Backoff.of(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(8), 0.0);
        Duration now = exact.delay(attempt, () -> 0.5);
        Duration next = exact.delay(attempt + 1, () -> 0.5);
        assertThat(next).isGreaterThanOrEqualTo(now);
        assertThat(next).isLessThanOrEqualTo(Duration.ofSeconds(8));
    }
}
