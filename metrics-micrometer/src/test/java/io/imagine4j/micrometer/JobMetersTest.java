package io.imagine4j.micrometer;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobRef;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.RequestKind;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JobMetersTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JobMeters meters = JobMeters.on(registry);

    private static JobRef job(RequestKind kind) {
        return new JobRef(SubmissionKey.random(), "xai", Option.some(kind), Option.none());
    }

    private static JobState succeeded(JobId id) {
        return new JobState(JobStatus.SUCCEEDED, Option.some(100), "done",
                Option.some(GeneratedVideo.at(id, URI.create("https://vidgen.x.ai/secret-path.mp4?sig=abc"))),
                Option.none(), NOW);
    }

    private double inFlight(String kind) {
        return registry.get(JobMeters.IN_FLIGHT).tags("provider", "xai", "kind", kind).gauge().value();
    }

    @Test
    void a_job_from_submit_to_result() {
        JobRef job = job(RequestKind.EDIT);
        JobId id = JobId.of("xai", "8b0b1f1e");

        meters.onEvent(new JobEvent.Accepted(job, id, 1, NOW));
        assertThat(inFlight("edit")).isEqualTo(1.0);
        meters.onEvent(new JobEvent.StatusChanged(job.withJobId(id), JobStatus.QUEUED, JobStatus.RUNNING, "pending", NOW));
        meters.onEvent(new JobEvent.ProgressChanged(job.withJobId(id), 40, NOW));
        meters.onEvent(new JobEvent.Finished(job.withJobId(id), succeeded(id), Duration.ofSeconds(30), 5, NOW));

        assertThat(registry.get(JobMeters.SUBMITTED).tags("provider", "xai", "kind", "edit").counter().count()).isEqualTo(1.0);
        assertThat(inFlight("edit")).isZero();
        assertThat(registry.get(JobMeters.FINISHED).tags("outcome", "succeeded").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(JobMeters.TIME_TO_RESULT).tags("outcome", "succeeded").timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(30.0);
        assertThat(registry.get(JobMeters.POLLS).tags("outcome", "succeeded").summary().totalAmount()).isEqualTo(5.0);
        assertThat(meters.tracked()).isZero();
    }

    @Test
    void failures_are_counted_by_kind_and_tags_never_hold_ids_keys_or_urls() {
        JobRef job = job(RequestKind.TEXT_TO_VIDEO);
        JobId id = JobId.of("xai", "job-secret-id");
        JobFailure moderated = JobFailure.of(FailureKind.MODERATION, "imagine:content-moderated", "rejected");
        JobFailure busy = JobFailure.of(FailureKind.RATE_LIMITED, "http_429", "slow down");

        meters.onEvent(new JobEvent.SubmitRetrying(job, busy, 1, Duration.ofSeconds(2), NOW));
        meters.onEvent(new JobEvent.Accepted(job, id, 2, NOW));
        meters.onEvent(new JobEvent.PollFailed(job.withJobId(id), busy, 1, Duration.ofSeconds(1), NOW));
        meters.onEvent(new JobEvent.Finished(job.withJobId(id), JobState.failed(moderated, NOW),
                Duration.ofSeconds(12), 3, NOW));

        assertThat(registry.get(JobMeters.FINISHED).tags("kind", "text-to-video", "outcome", "moderation").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(JobMeters.SUBMIT_RETRIES).tags("outcome", "rate_limited").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(JobMeters.POLL_FAILURES).tags("outcome", "rate_limited").counter().count()).isEqualTo(1.0);
        assertThat(registry.getMeters()).flatExtracting(meter -> meter.getId().getTags()).extracting(Tag::getKey)
                .containsOnly("provider", "kind", "outcome");
        assertThat(registry.getMeters()).flatExtracting(meter -> meter.getId().getTags()).extracting(Tag::getValue)
                .noneMatch(value -> value.contains("secret") || value.contains(job.key().toString()));
    }

    @Test
    void a_job_that_ends_before_any_other_event_never_makes_the_gauge_negative() {
        JobRef job = job(RequestKind.EXTEND);

        meters.onEvent(new JobEvent.Finished(job, JobState.failed(
                JobFailure.of(FailureKind.INVALID_REQUEST, "invalid_argument", "bad"), NOW), Duration.ZERO, 0, NOW));
        meters.onEvent(new JobEvent.Accepted(job(RequestKind.EXTEND), JobId.of("xai", "x"), 1, NOW));

        assertThat(inFlight("extend")).isEqualTo(1.0);
    }

    @Test
    void jobs_only_watched_are_of_unknown_kind() {
        JobRef watched = new JobRef(SubmissionKey.random(), "oxen", Option.none(), Option.some(JobId.of("oxen", "g1")));

        meters.onEvent(new JobEvent.StatusChanged(watched, JobStatus.QUEUED, JobStatus.RUNNING, "processing", NOW));

        assertThat(registry.get(JobMeters.IN_FLIGHT).tags("provider", "oxen", "kind", "unknown").gauge().value())
                .isEqualTo(1.0);
    }

    @Test
    void the_gauge_follows_at_most_the_configured_number_of_jobs() {
        JobMeters bounded = JobMeters.on(registry, 2);
        JobRef first = job(RequestKind.EDIT);
        JobRef second = job(RequestKind.EDIT);
        JobRef third = job(RequestKind.EDIT);

        for (JobRef job : new JobRef[] {first, second, third}) {
            bounded.onEvent(new JobEvent.Accepted(job, JobId.of("xai", "id"), 1, NOW));
        }
        assertThat(bounded.tracked()).isEqualTo(2);
        assertThat(bounded.untracked()).isEqualTo(1);
        assertThat(inFlight("edit")).isEqualTo(2.0);
        for (JobRef job : new JobRef[] {first, second, third}) {
            bounded.onEvent(new JobEvent.Finished(job, succeeded(JobId.of("xai", "id")), Duration.ofSeconds(1), 1, NOW));
        }

        assertThat(inFlight("edit")).isZero();
        assertThat(registry.get(JobMeters.SUBMITTED).counter().count()).isEqualTo(3.0);
        assertThat(registry.get(JobMeters.FINISHED).counter().count()).isEqualTo(3.0);
        assertThat(registry.getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName).doesNotHaveDuplicates();
    }
}
