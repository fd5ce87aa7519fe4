package io.imagine4j.core.service;

import io.imagine4j.core.time.Backoff;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailedException;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.time.VirtualScheduler;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application service on a virtual clock: every wait is measured, none is real. */
class VideoJobServiceTest {

    static final VideoRequest FOX = VideoRequest.textToVideo("A red fox running through snow");

    final VirtualScheduler time = VirtualScheduler.create();
    final List<JobEvent> events = new CopyOnWriteArrayList<>();
    final RecordingStore store = new RecordingStore();
    ScriptedProvider provider = new ScriptedProvider(time, ProviderFeature.CANCEL);
    VideoJobService jobs;

    /** Defaults without jitter and on the backoff's ladder (no prediction from progress), so every wait is exact. */
    static ServiceSettings exact() {
        return ServiceSettings.defaults()
                .withProgressAwarePolling(false)
                .withPollBackoff(Backoff.of(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(8), 0))
                .withSubmitBackoff(Backoff.of(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0))
                .withDownloadBackoff(Backoff.of(Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), 0));
    }

    VideoJobService start() {
        jobs = VideoJobService.builder(provider).scheduler(time).store(store).settings(exact())
                .random(new Random(7)).listener(events::add).build();
        return jobs;
    }

    @AfterEach
    void close() {
        if (jobs != null) {
            jobs.close();
        }
    }

    Instant at(double seconds) {
        return VirtualScheduler.EPOCH.plusMillis(Math.round(seconds * 1000));
    }

    @Nested
    class Submitting {
        @Test
        void a_job_is_stored_before_its_submit_is_sent() {
            List<Option<JobRecord>> storedWhenSent = new ArrayList<>();
            provider.thenSubmit(submission -> {
                storedWhenSent.add(store.find(submission.key()));
                return new io.imagine4j.core.port.out.SubmitOutcome.Accepted(JobId.of("scripted", "x"), JobUpdate.queued("q"));
            });
            VideoJob job = start().submit(FOX);
            assertThat(store.find(job.key()).isDefined()).isTrue();
            time.runDue();
            assertThat(storedWhenSent).hasSize(1);
            assertThat(storedWhenSent.get(0).get().jobId()).isEmpty();
            assertThat(store.find(job.key()).get().jobId()).contains(JobId.of("scripted", "x"));
        }

        @Test
        void submit_returns_at_once_and_the_provider_answers_in_the_background() {
            VideoJob job = start().submit(FOX);
            assertThat(job.jobId()).isEmpty();
            assertThat(provider.submitted()).isEmpty();
            time.runDue();
            assertThat(job.accepted()).isCompletedWithValue(JobId.of("scripted", "job-1"));
            assertThat(provider.submitted()).singleElement()
                    .satisfies(s -> assertThat(s.request().options().model()).contains("video-1"));
        }

        @Test
        void awaiting_acceptance_moves_the_virtual_clock_and_reports_refusals() throws InterruptedException {
            provider.refuseNextSubmit(JobFailure.of(FailureKind.PERMISSION, "http_403", "no access"));
            VideoJob refused = start().submit(FOX);
            assertThat(refused.awaitAccepted(Duration.ofSeconds(5)).getLeft().kind()).isEqualTo(FailureKind.PERMISSION);
            VideoJob accepted = jobs.submit(FOX);
            assertThat(accepted.awaitAccepted(Duration.ofSeconds(5)).get()).isEqualTo(accepted.jobId().get());
        }

        @Test
        void awaiting_acceptance_of_a_submit_still_being_retried_is_a_timeout() throws InterruptedException {
            provider.refuseNextSubmit(JobFailure.of(FailureKind.RATE_LIMITED, "http_429", "busy")
                    .withRetryAfter(io.imagine4j.core.job.RetryAfter.of(Duration.ofMinutes(1))));
            VideoJob job = start().submit(FOX);
            JobFailure waiting = job.awaitAccepted(Duration.ofSeconds(10)).getLeft();
            assertThat(waiting.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(waiting.message()).contains("keeps trying");
            assertThat(job.awaitAccepted(Duration.ofMinutes(2)).isRight()).isTrue();
        }

        @Test
        void an_invalid_request_is_refused_before_anything_is_stored_or_sent() {
            VideoRequest tooLong = FOX.with(o -> o.withDurationSeconds(60));
            assertThatThrownBy(() -> start().submit(tooLong)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("duration: 60 s");
            time.advance(Duration.ofMinutes(1));
            assertThat(store.saves()).isEmpty();
            assertThat(provider.submitted()).isEmpty();
            assertThat(jobs.validate(tooLong).isInvalid()).isTrue();
        }

        @Test
        void events_tell_the_story_in_order() throws InterruptedException {
            VideoJob job = start().submit(FOX);
            List<JobEvent> own = new CopyOnWriteArrayList<>();
            job.onEvent(own::add);
            Either<JobFailure, GeneratedVideo> outcome = job.await(Duration.ofMinutes(10));

            assertThat(outcome.get().location()).hasToString("https://results.example/job-1.mp4");
            assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                    "Created", "Accepted", "StatusChanged", "ProgressChanged", "ProgressChanged", "Finished");
            assertThat(own).isEqualTo(events.subList(1, events.size()));
            JobEvent.StatusChanged running = (JobEvent.StatusChanged) own.get(1);
            assertThat(running.from()).isEqualTo(JobStatus.QUEUED);
            assertThat(running.to()).isEqualTo(JobStatus.RUNNING);
            assertThat(own).filteredOn(JobEvent.ProgressChanged.class::isInstance)
                    .extracting(e -> ((JobEvent.ProgressChanged) e).percent()).isSorted();
            JobEvent.Finished finished = (JobEvent.Finished) own.get(4);
            assertThat(finished.state().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(finished.polls()).isEqualTo(provider.polls());
            assertThat(finished.elapsed()).isEqualTo(Duration.between(VirtualScheduler.EPOCH, time.now()));
            assertThat(own).allSatisfy(e -> assertThat(e.job().key()).isEqualTo(job.key()));
        }

        @Test
        void the_result_future_and_the_store_agree_with_await() {
            VideoJob job = start().submit(FOX);
            time.advance(Duration.ofMinutes(1));
            assertThat(job.result()).isCompleted();
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(store.find(job.key()).get().state().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(jobs.inFlight()).isZero();
            assertThat(jobs.find(job.key()).get().state().result().isDefined()).isTrue();
        }

        @Test
        void a_closed_service_refuses_new_work_and_stores_nothing() {
            start().close();
            assertThatThrownBy(() -> jobs.submit(FOX)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> jobs.resume()).isInstanceOf(IllegalStateException.class);
            assertThat(store.saves()).isEmpty();
        }

        @Test
        void a_failing_listener_does_not_stop_the_job() throws InterruptedException {
            start().addListener(event -> {
                throw new IllegalStateException("listener bug");
            });
            assertThat(jobs.submit(FOX).await(Duration.ofMinutes(1)).isRight()).isTrue();
        }
    }

    @Nested
    class Polling {
        @Test
        void polls_back_off_from_one_second_to_the_cap() {
            provider.processing = Duration.ofMinutes(2);
            start().submit(FOX);
            time.advance(Duration.ofSeconds(40));
            assertThat(provider.pollTimes()).startsWith(at(1), at(2.5), at(4.75), at(8.125), at(13.188), at(20.782),
                    at(28.782), at(36.782));
        }

        @Test
        void the_server_hint_decides_the_next_poll() {
            provider.thenPoll(Either.right(JobUpdate.running("pending").withPollAfter(Duration.ofSeconds(7))))
                    .thenPoll(Either.right(JobUpdate.running("pending").withPollAfter(Duration.ofMillis(250))));
            provider.processing = Duration.ofMinutes(5);
            start().submit(FOX);
            time.advance(Duration.ofSeconds(9));
            assertThat(provider.pollTimes()).startsWith(at(1), at(8), at(8.25));
        }

        @Test
        void a_retry_after_on_a_failed_poll_is_honoured_and_reported() {
            provider.thenPoll(Either.left(JobFailure.of(FailureKind.RATE_LIMITED, "http_429", "slow down")
                    .withRetryAfter(RetryAfter.of(Duration.ofSeconds(30)))));
            start().submit(FOX);
            time.advance(Duration.ofSeconds(31));
            assertThat(provider.pollTimes()).startsWith(at(1), at(31));
            assertThat(events).filteredOn(JobEvent.PollFailed.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((JobEvent.PollFailed) e).retryIn()).isEqualTo(Duration.ofSeconds(30)));
        }

        @Test
        void transient_poll_failures_are_retried_until_the_job_ends() throws InterruptedException {
            JobFailure down = JobFailure.of(FailureKind.UNAVAILABLE, "reset", "connection reset");
            provider.thenPoll(Either.left(down)).thenPoll(Either.left(down))
                    .thenPoll(Either.left(JobFailure.of(FailureKind.PROVIDER_ERROR, "http_500", "oops")));
            assertThat(start().submit(FOX).await(Duration.ofMinutes(5)).isRight()).isTrue();
        }

        @Test
        void a_refused_credential_ends_the_job_with_that_failure() throws InterruptedException {
            provider.thenPoll(Either.left(JobFailure.of(FailureKind.AUTHENTICATION, "http_401", "bad key")));
            Either<JobFailure, GeneratedVideo> outcome = start().submit(FOX).await(Duration.ofMinutes(5));
            assertThat(outcome.getLeft().kind()).isEqualTo(FailureKind.AUTHENTICATION);
            assertThat(outcome.getLeft().jobId()).contains(JobId.of("scripted", "job-1"));
            assertThat(provider.polls()).isEqualTo(1);
        }

        @Test
        void unreadable_answers_end_the_job_after_five_in_a_row() throws InterruptedException {
            for (int i = 0; i < 5; i++) {
                provider.thenPoll(Either.left(JobFailure.of(FailureKind.PROTOCOL, "malformed", "not json")));
            }
            Either<JobFailure, GeneratedVideo> outcome = start().submit(FOX).await(Duration.ofMinutes(5));
            assertThat(outcome.getLeft().kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(provider.polls()).isEqualTo(5);
        }

        @Test
        void a_job_that_never_ends_is_given_up_at_the_watch_deadline_and_polling_stops() throws InterruptedException {
            provider.processing = Duration.ofDays(2);
            VideoJob job = start().submit(FOX);
            Either<JobFailure, GeneratedVideo> outcome = job.await(Duration.ofHours(3));
            assertThat(outcome.getLeft().kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(outcome.getLeft().code()).isEqualTo("watch_timeout");
            assertThat(outcome.getLeft().message()).contains("may still finish it");
            assertThat(provider.pollTimes()).last().satisfies(last -> assertThat(last).isBefore(at(3600)));
            assertThat(time.pending()).isZero();
        }

        @Test
        void await_gives_up_waiting_but_the_job_keeps_running() throws InterruptedException {
            provider.processing = Duration.ofMinutes(20);
            VideoJob job = start().submit(FOX);
            Either<JobFailure, GeneratedVideo> early = job.await(Duration.ofMinutes(10));
            assertThat(early.getLeft().kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(early.getLeft().code()).isEqualTo("await_timeout");
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(job.await(Duration.ofMinutes(30)).isRight()).isTrue();
        }

        @Test
        void a_stale_update_after_the_end_is_ignored_and_reported() {
            provider = new ScriptedProvider(time, ProviderFeature.PUSH_EVENTS);
            VideoJob job = start().submit(FOX);
            time.advance(Duration.ofMinutes(1));
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            // A late push for a finished job reaches nobody: it is no longer followed.
            provider.push().send(job.jobId().get(), JobUpdate.running("pending"));
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        }

        @Test
        void a_status_that_would_move_backwards_is_ignored_with_an_event() {
            provider.processing = Duration.ofMinutes(5);
            provider.thenPoll(Either.right(JobUpdate.running("pending").withProgress(50)))
                    .thenPoll(Either.right(JobUpdate.queued("queued")));
            VideoJob job = start().submit(FOX);
            time.advance(Duration.ofSeconds(3));
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(job.state().progress()).contains(50);
            assertThat(events).filteredOn(JobEvent.UpdateIgnored.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((JobEvent.UpdateIgnored) e).reason()).contains("backwards"));
        }
    }

    @Nested
    class Cancelling {
        @Test
        void a_cancelled_job_ends_cancelled() {
            provider.processing = Duration.ofMinutes(5);
            VideoJob job = start().submit(FOX);
            time.advance(Duration.ofSeconds(5));
            Either<JobFailure, JobState> answer = job.cancel();
            assertThat(answer.get().status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(job.result()).isCompletedExceptionally();
            assertThat(events).last().isInstanceOf(JobEvent.Finished.class);
            time.advance(Duration.ofMinutes(10));
            assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        }

        @Test
        void a_provider_without_cancel_refuses_before_any_call() {
            provider = new ScriptedProvider(time);
            VideoJob job = start().submit(FOX);
            time.runDue();
            assertThatThrownBy(() -> jobs.cancel(job.jobId().get()))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("scripted does not offer cancel");
        }
    }

    @Nested
    class Resuming {
        @Test
        void a_restarted_process_follows_every_unfinished_job_to_its_end_without_resubmitting() throws InterruptedException {
            provider.processing = Duration.ofMinutes(2);
            VideoJobService first = start();
            List<VideoJob> before = List.of(first.submit(FOX), first.submit(FOX), first.submit(FOX));
            time.advance(Duration.ofSeconds(10));
            first.close(); // the process dies; its scheduled polls die with it
            assertThat(store.unfinished()).hasSize(3);

            VirtualScheduler restartTime = time; // same clock: the backend keeps running meanwhile
            VideoJobService second = VideoJobService.builder(provider).scheduler(restartTime).store(store)
                    .settings(exact()).listener(events::add).build();
            jobs = second;
            events.clear();
            List<VideoJob> resumed = second.resume();
            assertThat(events).hasSize(3).allMatch(JobEvent.Resumed.class::isInstance);
            assertThat(resumed).extracting(VideoJob::key).containsExactlyInAnyOrderElementsOf(
                    before.stream().map(VideoJob::key).toList());
            for (VideoJob job : resumed) {
                assertThat(job.await(Duration.ofMinutes(5)).isRight()).isTrue();
            }
            assertThat(provider.submitted()).hasSize(3);
            assertThat(store.unfinished()).isEmpty();
        }

        @Test
        void a_job_stored_but_never_acknowledged_is_not_sent_again() {
            VideoRequest request = FOX.with(o -> o.withModel("video-1"));
            JobRecord orphan = JobRecord.beforeSubmit(SubmissionKey.random(), ScriptedProvider.NAME, request, time.now());
            store.save(orphan);
            VideoJob job = start().resume().get(0);
            time.advance(Duration.ofMinutes(1));
            assertThat(job.state().failure().get().kind()).isEqualTo(FailureKind.SUBMISSION_OUTCOME_UNKNOWN);
            assertThat(job.state().failure().get().message()).contains("not sent again");
            assertThat(provider.submitted()).isEmpty();
        }

        @Test
        void with_idempotency_keys_an_unacknowledged_job_is_resubmitted_under_the_same_key() throws InterruptedException {
            provider = new ScriptedProvider(time, ProviderFeature.IDEMPOTENT_SUBMIT);
            VideoRequest request = FOX.with(o -> o.withModel("video-1"));
            JobRecord orphan = JobRecord.beforeSubmit(SubmissionKey.random(), ScriptedProvider.NAME, request, time.now());
            store.save(orphan);
            VideoJob job = start().resume().get(0);
            assertThat(job.await(Duration.ofMinutes(1)).isRight()).isTrue();
            assertThat(provider.submitted()).extracting(s -> s.key()).containsExactly(orphan.key());
        }

        @Test
        void jobs_of_other_providers_in_a_shared_store_are_left_alone() {
            JobRecord foreign = JobRecord.beforeSubmit(SubmissionKey.random(), "other", FOX, time.now())
                    .withJobId(JobId.of("other", "77"));
            store.save(foreign);
            assertThat(start().resume()).isEmpty();
            assertThatThrownBy(() -> jobs.watch(JobId.of("other", "77")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("belongs to provider 'other', but this service runs on 'scripted'");
            assertThat(provider.polls()).isZero();
        }

        @Test
        void a_job_submitted_elsewhere_can_be_watched_by_its_id() throws InterruptedException {
            start();
            JobId elsewhere = ((io.imagine4j.core.port.out.SubmitOutcome.Accepted) provider.submit(
                    io.imagine4j.core.port.out.Submission.of(SubmissionKey.random(), FOX, provider.capabilities()))).jobId();
            VideoJob job = jobs.watch(elsewhere);
            assertThat(job.kind()).isEmpty();
            assertThat(job.await(Duration.ofMinutes(1)).get().jobId()).isEqualTo(elsewhere);
            assertThat(jobs.find(elsewhere).get().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(jobs.check(elsewhere).get().status()).isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    @Nested
    class Pushing {
        @Test
        void while_the_stream_is_healthy_polling_is_only_a_slow_safety_net() {
            provider = new ScriptedProvider(time, ProviderFeature.PUSH_EVENTS);
            provider.processing = Duration.ofMinutes(10);
            start();
            assertThat(provider.push().subscribed()).isTrue();
            provider.push().connect();
            VideoJob job = jobs.submit(FOX);
            time.advance(Duration.ofSeconds(59));
            assertThat(provider.polls()).isZero();

            provider.push().send(job.jobId().get(), JobUpdate.running("processing").withProgress(30));
            assertThat(job.state().progress()).contains(30);
            time.advance(Duration.ofSeconds(2));
            assertThat(provider.polls()).isEqualTo(1);
        }

        @Test
        void a_drop_hands_over_to_polling_and_a_reconnect_rechecks_every_open_job() {
            provider = new ScriptedProvider(time, ProviderFeature.PUSH_EVENTS);
            provider.processing = Duration.ofMinutes(10);
            start();
            provider.push().connect();
            jobs.submit(FOX);
            jobs.submit(FOX);
            time.runDue();
            provider.push().drop();
            time.advance(Duration.ofSeconds(1));
            assertThat(provider.polls()).isEqualTo(2);
            time.advance(Duration.ofSeconds(1));
            provider.push().connect();
            time.runDue();
            assertThat(provider.polls()).isEqualTo(4);
        }

        @Test
        void pushed_results_finish_jobs_and_foreign_events_are_ignored() throws InterruptedException {
            provider = new ScriptedProvider(time, ProviderFeature.PUSH_EVENTS);
            provider.processing = Duration.ofMinutes(10);
            start();
            provider.push().connect();
            VideoJob job = jobs.submit(FOX);
            time.runDue();
            provider.push().send(JobId.of("scripted", "someone-else"), JobUpdate.running("processing"));
            GeneratedVideo video = GeneratedVideo.at(job.jobId().get(), java.net.URI.create("https://r.example/x.mp4"));
            provider.push().send(job.jobId().get(), JobUpdate.succeeded(video, "succeeded"));
            assertThat(job.await(Duration.ZERO).get()).isEqualTo(video);
            assertThat(provider.polls()).isZero();
        }
    }

    @Test
    void the_result_future_fails_with_the_typed_failure() {
        provider.refuseNextSubmit(JobFailure.of(FailureKind.AUTHENTICATION, "http_401", "bad key"));
        VideoJob job = start().submit(FOX);
        time.runDue();
        assertThat(job.result()).failsWithin(Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(JobFailedException.class)
                .satisfies(e -> assertThat(((JobFailedException) e.getCause()).failure().kind()).isEqualTo(FailureKind.AUTHENTICATION));
        assertThat(job.accepted()).isCompletedExceptionally();
    }
}
