package io.imagine4j.core.job;

import java.util.Objects;
import java.util.UUID;

/**
 * imagine4j's own name for a job, given before anything is sent: the job is stored under this key
 * before its submit, so a crash between the two leaves a record to resume from. Providers that
 * honour idempotency keys receive it as one.
 */
public record SubmissionKey(String value) {

    public SubmissionKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A submission key must not be blank");
        }
    }

    public static SubmissionKey random() {
        return new SubmissionKey(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
