package io.imagine4j.core.port.out;

import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;

import java.util.Objects;

/**
 * One submit to a provider: the request, already checked against the provider's capabilities and
 * with its model named, and the key that identifies this job across retries (providers that honour
 * idempotency keys send it as one).
 */
public record Submission(SubmissionKey key, VideoRequest request) {

    public Submission {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
    }
}
