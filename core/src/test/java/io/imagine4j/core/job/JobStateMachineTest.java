package io.imagine4j.core.job;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.GeneratedVideo;

import io.vavr.control.Option;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every status a job can be in, with and without progress, against every update a provider can
 * send, with and without progress: 6 × 3 × 6 × 3 = 324 cases, each checked against the rules
 * written out independently below.
 */
class JobStateMachineTest {

    private static final Instant BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");
    private static final JobId ID = JobId.of("test", "job-1");
    private static final GeneratedVideo VIDEO = GeneratedVideo.at(ID, URI.create("https://results.example/v.mp4"));
    private static final List<Option<Integer>> PROGRESS = List.of(Option.none(), Option.some(20), Option.some(60));

    @TestFactory
    List<DynamicTest> every_state_against_every_update() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JobStatus from : JobStatus.values()) {
            for (Option<Integer> had : PROGRESS) {
                for (JobStatus to : JobStatus.values()) {
                    for (Option<Integer> reported : PROGRESS) {
                        JobState state = state(from, had);
                        JobUpdate update = update(to, reported);
                        tests.add(DynamicTest.dynamicTest(from + "(" + had.getOrElse(-1) + ") + " + to + "("
                                + reported.getOrElse(-1) + ")", () -> check(state, update)));
                    }
                }
            }
        }
        assertThat(tests).hasSize(324);
        return tests;
    }

    private static void check(JobState state, JobUpdate update) {
        Transition transition = JobStateMachine.apply(state, update, NOW);
        JobStatus from = state.status();
        JobStatus to = update.status();
        assertThat(transition.before()).isEqualTo(state);

        if (from.isTerminal()) {
            // Terminal states absorb everything; only a different terminal status is worth reporting.
            assertThat(transition.after()).isEqualTo(state);
            assertThat(transition.isIgnored()).isEqualTo(from != to);
            return;
        }
        if (to.rank() < from.rank()) {
            // Backwards: ignored and reported.
            assertThat(transition.after()).isEqualTo(state);
            assertThat(transition.isIgnored()).isTrue();
            assertThat(transition.ignoredBecause().get()).contains(from.name()).contains(to.name());
            return;
        }
        assertThat(transition.isIgnored()).isFalse();
        JobState after = transition.after();
        assertThat(after.status()).isEqualTo(to);
        assertThat(after.result()).isEqualTo(update.result());
        assertThat(after.failure()).isEqualTo(update.failure());
        if (to == JobStatus.SUCCEEDED) {
            assertThat(after.progress()).contains(100);
        } else if (state.progress().isDefined() && update.progress().isDefined()) {
            assertThat(after.progress()).contains(Math.max(state.progress().get(), update.progress().get()));
        } else {
            assertThat(after.progress()).isEqualTo(state.progress().orElse(update.progress()));
        }
        boolean changed = to != from || !after.progress().equals(state.progress());
        assertThat(after.updatedAt()).isEqualTo(changed ? NOW : BEFORE);
        assertThat(transition.statusChanged()).isEqualTo(to != from);
        assertThat(transition.finished()).isEqualTo(to.isTerminal());
    }

    @Nested
    class Reasons {
        @Test
        void a_stale_running_after_success_is_ignored_and_says_why() {
            JobState done = state(JobStatus.SUCCEEDED, Option.some(100));
            Transition transition = JobStateMachine.apply(done, JobUpdate.running("pending"), NOW);
            assertThat(transition.ignoredBecause().get())
                    .isEqualTo("the job already ended SUCCEEDED; a later RUNNING (wire status 'pending') cannot change that");
        }

        @Test
        void a_repeated_terminal_update_is_silently_absorbed() {
            JobState done = state(JobStatus.SUCCEEDED, Option.some(100));
            Transition transition = JobStateMachine.apply(done, JobUpdate.succeeded(VIDEO, "done"), NOW);
            assertThat(transition.isIgnored()).isFalse();
            assertThat(transition.after()).isSameAs(done);
        }

        @Test
        void a_lower_progress_in_the_same_status_keeps_the_higher_one() {
            JobState running = state(JobStatus.RUNNING, Option.some(60));
            Transition transition = JobStateMachine.apply(running, JobUpdate.running("pending").withProgress(20), NOW);
            assertThat(transition.after().progress()).contains(60);
            assertThat(transition.progressChanged()).isFalse();
        }

        @Test
        void a_new_wire_status_is_kept_for_diagnostics_without_counting_as_a_change() {
            JobState running = new JobState(JobStatus.RUNNING, Option.none(), "pending", Option.none(), Option.none(), BEFORE);
            Transition transition = JobStateMachine.apply(running, JobUpdate.running("processing"), NOW);
            assertThat(transition.after().rawStatus()).isEqualTo("processing");
            assertThat(transition.after().updatedAt()).isEqualTo(BEFORE);
            assertThat(transition.statusChanged()).isFalse();
        }
    }

    static JobState state(JobStatus status, Option<Integer> progress) {
        Option<GeneratedVideo> result = status == JobStatus.SUCCEEDED ? Option.some(VIDEO) : Option.none();
        Option<JobFailure> failure = status.isTerminal() && status != JobStatus.SUCCEEDED
                ? Option.some(JobFailure.of(FailureKind.PROVIDER_ERROR, "x", "earlier failure")) : Option.none();
        Option<Integer> shown = status == JobStatus.SUCCEEDED ? Option.some(100) : progress;
        return new JobState(status, shown, "raw-" + status, result, failure, BEFORE);
    }

    static JobUpdate update(JobStatus status, Option<Integer> progress) {
        JobUpdate update = switch (status) {
            case QUEUED -> JobUpdate.queued("queued");
            case RUNNING -> JobUpdate.running("running");
            case SUCCEEDED -> JobUpdate.succeeded(VIDEO, "done");
            case FAILED -> JobUpdate.failed(JobFailure.of(FailureKind.MODERATION, "m", "moderated"), "failed");
            case CANCELLED -> JobUpdate.cancelled("cancelled");
            case EXPIRED -> JobUpdate.expired("expired");
        };
        return progress.isDefined() && status != JobStatus.SUCCEEDED ? update.withProgress(progress.get()) : update;
    }
}
