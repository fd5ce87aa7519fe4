package io.imagine4j.core.job;

import io.imagine4j.core.model.JobId;

import io.imagine4j.core.model.RequestKind;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Which job an event is about: imagine4j's key, the provider, the request kind (unknown for a job
 * submitted elsewhere and only watched here), and the provider's id once it gave one.
 */
public record JobRef(SubmissionKey key, String provider, Option<RequestKind> kind, Option<JobId> jobId) {

    public JobRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jobId, "jobId");
    }

    public JobRef withJobId(JobId id) {
        return new JobRef(key, provider, kind, Option.of(id));
    }

    @Override
    public String toString() {
        return jobId.map(JobId::toString).getOrElse(provider + ":(unsubmitted " + key + ")");
    }
}
