package io.imagine4j.core.job;

import io.imagine4j.core.model.VideoRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationTest {

    @Test
    void each_generation_has_a_key_derived_from_its_submission() {
        SubmissionKey submission = new SubmissionKey("abc");
        assertThat(Generation.of(submission, 1, 3).key()).isEqualTo(submission);
        assertThat(Generation.of(submission, 3, 3).key()).isEqualTo(new SubmissionKey("abc#3"));
        assertThatThrownBy(() -> Generation.of(submission, 4, 3)).hasMessageContaining("1..3");
    }

    @Test
    void a_record_cannot_be_stored_under_another_generations_key() {
        JobRecord record = JobRecord.beforeSubmit(Generation.of(new SubmissionKey("abc"), 2, 2), "p",
                VideoRequest.textToVideo("A fox"), Instant.EPOCH);
        assertThat(record.key()).isEqualTo(new SubmissionKey("abc#2"));
        assertThatThrownBy(() -> new JobRecord(new SubmissionKey("other"), "p", record.kind(), record.request(), record.jobId(),
                record.state(), record.createdAt(), record.generation())).hasMessageContaining("whose key is abc#2");
    }
}
