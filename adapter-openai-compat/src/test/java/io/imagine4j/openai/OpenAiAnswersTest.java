package io.imagine4j.openai;

import io.imagine4j.core.job.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The words and numbers of Video objects, from OpenAI and from gateways. */
class OpenAiAnswersTest {

    @Test
    void every_status_word_seen_in_the_wild_has_its_meaning_and_unknown_ones_are_not_an_end() {
        assertThat(OpenAiAnswers.status("queued")).isEqualTo(JobStatus.QUEUED);
        assertThat(OpenAiAnswers.status("pending")).isEqualTo(JobStatus.QUEUED);
        assertThat(OpenAiAnswers.status("in_progress")).isEqualTo(JobStatus.RUNNING);
        assertThat(OpenAiAnswers.status("processing")).isEqualTo(JobStatus.RUNNING);
        assertThat(OpenAiAnswers.status("completed")).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(OpenAiAnswers.status("Succeeded")).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(OpenAiAnswers.status("failed")).isEqualTo(JobStatus.FAILED);
        assertThat(OpenAiAnswers.status("cancelled")).isEqualTo(JobStatus.CANCELLED);
        assertThat(OpenAiAnswers.status("canceled")).isEqualTo(JobStatus.CANCELLED);
        assertThat(OpenAiAnswers.status("expired")).isEqualTo(JobStatus.EXPIRED);
        assertThat(OpenAiAnswers.status("uploading_to_cdn")).isEqualTo(JobStatus.RUNNING);
        assertThat(OpenAiAnswers.status("")).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void unix_times_are_seconds_or_milliseconds_by_magnitude() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(OpenAiAnswers.instant(at.getEpochSecond())).contains(at);
        assertThat(OpenAiAnswers.instant(at.toEpochMilli())).contains(at);
        assertThat(OpenAiAnswers.instant(1L)).contains(Instant.ofEpochSecond(1));
    }

    @Test
    void seconds_are_a_string_possibly_with_a_fraction() {
        assertThat(OpenAiAnswers.seconds("8").get()).isEqualTo(Duration.ofSeconds(8));
        assertThat(OpenAiAnswers.seconds("8.5").get()).isEqualTo(Duration.ofMillis(8_500));
        assertThat(OpenAiAnswers.seconds("eight")).isEmpty();
        assertThat(OpenAiAnswers.seconds(null)).isEmpty();
    }

    @Test
    void a_time_beyond_what_an_instant_holds_is_no_time_rather_than_an_exception() {
        assertThat(OpenAiAnswers.instant(-31_557_014_167_219_256L)).isEmpty();
        assertThat(OpenAiAnswers.instant(1_735_689_600L)).contains(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(OpenAiAnswers.instant(1_735_689_600_000L)).contains(Instant.parse("2025-01-01T00:00:00Z"));
    }
}
