package io.imagine4j.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobIdTest {

    @Test
    void is_written_and_read_as_provider_colon_id() {
        JobId id = JobId.of("xai", "8b0b:1f1e");
        assertThat(id.toString()).isEqualTo("xai:8b0b:1f1e");
        assertThat(JobId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void refuses_ids_that_cannot_round_trip() {
        assertThatThrownBy(() -> JobId.parse("no-colon")).hasMessageContaining("provider:id");
        assertThatThrownBy(() -> JobId.parse(":abc")).hasMessageContaining("provider:id");
        assertThatThrownBy(() -> JobId.parse("xai:")).hasMessageContaining("provider:id");
        assertThatThrownBy(() -> JobId.of("x:y", "1")).hasMessageContaining("without ':'");
    }
}
