package io.imagine4j.testkit.fake;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.testkit.scenario.Scenario;

import java.time.Instant;
import java.util.Objects;

/**
 * A job as {@link FakeVideoProvider} holds it, seen at one moment: for assertions about what the
 * application under test really started.
 *
 * <pre>{@code
 * assertThat(fake.jobs()).extracting(FakeJob::status).containsOnly(JobStatus.SUCCEEDED);
 * }</pre>
 *
 * @param id          the job's id
 * @param key         the submission key it was submitted under
 * @param request     the request, with its model made explicit
 * @param scenario    the scenario it follows
 * @param submittedAt when it was created, on the fake's clock
 * @param update      its state at the moment this view was taken
 */
public record FakeJob(JobId id, SubmissionKey key, VideoRequest request, Scenario scenario, Instant submittedAt,
                      JobUpdate update) {

    public FakeJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(update, "update");
    }

    public JobStatus status() {
        return update.status();
    }
}
