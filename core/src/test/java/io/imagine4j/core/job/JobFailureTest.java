package io.imagine4j.core.job;

import io.imagine4j.core.model.JobId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobFailureTest {

    @Test
    void failures_print_kind_code_job_and_wait_but_nothing_else() {
        JobFailure failure = JobFailure.of(FailureKind.RATE_LIMITED, "http_429", "Slow down.")
                .withJobId(JobId.of("xai", "abc")).withRetryAfter(RetryAfter.of(java.time.Duration.ofSeconds(30)));
        assertThat(failure.toString()).isEqualTo("RATE_LIMITED (http_429) for job xai:abc: Slow down.; retry after PT30S");
        assertThat(JobFailure.of(FailureKind.PROTOCOL, "", "x").code()).isEqualTo("protocol");
    }
}
