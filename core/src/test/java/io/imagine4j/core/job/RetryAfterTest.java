package io.imagine4j.core.job;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

    @Test
    void reads_delay_seconds() {
        assertThat(RetryAfter.parse("120", NOW).get().delay()).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW).get().delay()).isZero();
        assertThat(RetryAfter.parse("1.5", NOW).get().delay()).isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void reads_an_http_date_as_the_wait_until_then() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:28:30 GMT", NOW).get().delay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_date_in_the_past_means_now() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:00:00 GMT", NOW).get().delay()).isZero();
    }

    @Test
    void absent_negative_or_unreadable_values_are_no_hint() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    }
}
