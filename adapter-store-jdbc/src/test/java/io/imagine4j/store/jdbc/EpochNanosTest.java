package io.imagine4j.store.jdbc;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instants as nanosecond columns: exact, ordered as the instants are, and refused outside their range. */
class EpochNanosTest {

    @Property(tries = 500)
    void instants_come_back_exactly_and_keep_their_order(@ForAll @LongRange(min = -9_000_000_000L, max = 9_000_000_000L) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos, @ForAll @LongRange(min = -5_000, max = 5_000) long step) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        Instant other = instant.plusNanos(step);

        assertThat(EpochNanos.instant(EpochNanos.of(instant))).isEqualTo(instant);
        assertThat(Long.compare(EpochNanos.of(instant), EpochNanos.of(other))).isEqualTo(Integer.signum(instant.compareTo(other)));
    }

    @Example
    void outside_the_range_a_value_is_refused_and_a_bound_saturates() {
        assertThatThrownBy(() -> EpochNanos.of(Instant.MAX)).isInstanceOf(ArithmeticException.class);
        assertThat(EpochNanos.bound(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(EpochNanos.bound(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
        assertThat(EpochNanos.duration(EpochNanos.of(Duration.ofNanos(6_500_000_001L)))).isEqualTo(Duration.ofNanos(6_500_000_001L));
    }
}
