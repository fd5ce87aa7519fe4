package io.imagine4j.core.job;

import io.imagine4j.core.model.JobId;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * One job as the provider's own list shows it, whoever submitted it.
 *
 * <pre>{@code
 * jobs.list(JobQuery.all()).limit(20).forEach(job -> System.out.println(job.jobId() + " " + job.status()));
 * }</pre>
 *
 * @param jobId     the job
 * @param status    its status, in the core's vocabulary
 * @param rawStatus the status as the provider wrote it
 * @param progress  percent done, where the provider reports it
 * @param model     the model it runs on, where listed
 * @param prompt    its prompt, where listed
 * @param createdAt when the provider created it, where listed
 */
public record JobSummary(JobId jobId, JobStatus status, String rawStatus, Option<Integer> progress, Option<String> model,
                         Option<String> prompt, Option<Instant> createdAt) {

    public JobSummary {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
        rawStatus = rawStatus == null ? "" : rawStatus;
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
