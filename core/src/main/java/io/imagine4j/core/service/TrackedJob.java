package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailedException;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobRef;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStateMachine;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.job.Transition;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.Scheduler;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One job followed by the service: its record, its listeners, its futures and its poll timer.
 * Every change happens under this object's lock, so a job's events come out in order even when a
 * poll and a pushed event arrive together.
 */
final class TrackedJob implements VideoJob {

    private final VideoJobService service;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<JobId> accepted = new CompletableFuture<>();
    private final CompletableFuture<GeneratedVideo> result = new CompletableFuture<>();

    private JobRecord record;
    private Scheduler.Task timer;
    private int submitAttempts;
    private int polls;
    private int pollRound;
    private int consecutivePollFailures;

    TrackedJob(VideoJobService service, JobRecord record) {
        this.service = service;
        this.record = record;
        record.jobId().forEach(accepted::complete);
        if (record.isFinished()) {
            complete(record.state());
        }
    }

    @Override
    public SubmissionKey key() {
        return record().key();
    }

    @Override
    public synchronized Option<JobId> jobId() {
        return record.jobId();
    }

    @Override
    public String provider() {
        return record().provider();
    }

    @Override
    public Option<RequestKind> kind() {
        return record().kind();
    }

    @Override
    public synchronized JobState state() {
        return record.state();
    }

    synchronized JobRecord record() {
        return record;
    }

    synchronized JobRef ref() {
        return record.ref();
    }

    @Override
    public AutoCloseable onEvent(JobListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletableFuture<JobId> accepted() {
        return accepted.copy();
    }

    @Override
    public CompletableFuture<GeneratedVideo> result() {
        return result.copy();
    }

    @Override
    public Either<JobFailure, JobId> awaitAccepted(Duration timeout) throws InterruptedException {
        service.scheduler().waitFor(accepted, timeout);
        Option<JobId> id = jobId();
        if (id.isDefined()) {
            return Either.right(id.get());
        }
        JobState now = state();
        if (now.failure().isDefined()) {
            return Either.left(now.failure().get());
        }
        return Either.left(JobFailure.of(FailureKind.TIMEOUT, "await_timeout", "The provider has not answered the submit of job "
                + key() + " after " + timeout + "; imagine4j keeps trying: wait again, or watch its events."));
    }

    @Override
    public Either<JobFailure, GeneratedVideo> await(Duration timeout) throws InterruptedException {
        if (!service.scheduler().waitFor(result, timeout)) {
            JobState now = state();
            return Either.left(new JobFailure(FailureKind.TIMEOUT, "await_timeout",
                    "The job is still " + now.status() + " after waiting " + timeout
                            + "; it keeps running: wait again, or check its status later.",
                    jobId(), Option.none()));
        }
        JobState done = state();
        return done.result().isDefined() ? Either.right(done.result().get()) : Either.left(done.failure().get());
    }

    @Override
    public Either<JobFailure, JobState> cancel() {
        Option<JobId> id = jobId();
        if (id.isEmpty()) {
            return Either.left(JobFailure.of(FailureKind.NOT_FOUND, "not_accepted",
                    "The provider has not accepted job " + key() + " yet; cancel it once accepted() completes."));
        }
        return service.cancel(id.get());
    }

    // ---- changes, each under the lock ----

    synchronized int nextSubmitAttempt() {
        return ++submitAttempts;
    }

    synchronized int countPoll() {
        return ++polls;
    }

    synchronized int nextPollRound() {
        return pollRound++;
    }

    synchronized int pollFailed() {
        return ++consecutivePollFailures;
    }

    synchronized void pollSucceeded() {
        consecutivePollFailures = 0;
    }

    synchronized void accept(JobId id, int attempts) {
        record = record.withJobId(id);
        service.store().save(record);
        emit(new JobEvent.Accepted(record.ref(), id, attempts, service.now()));
        accepted.complete(id);
    }

    /** Applies an update from the provider; answers whether the job is now finished. */
    synchronized boolean apply(JobUpdate update) {
        JobUpdate named = record.jobId().map(update::forJob).getOrElse(update);
        Transition transition = JobStateMachine.apply(record.state(), named, service.now());
        if (transition.isIgnored()) {
            emit(new JobEvent.UpdateIgnored(record.ref(), named, transition.ignoredBecause().get(), service.now()));
            return record.isFinished();
        }
        if (transition.after().equals(transition.before())) {
            return record.isFinished();
        }
        record = record.withState(transition.after());
        if (transition.finished()) {
            finishRecorded();
            return true;
        }
        if (transition.statusChanged()) {
            service.store().save(record);
            emit(new JobEvent.StatusChanged(record.ref(), transition.before().status(), transition.after().status(),
                    transition.after().rawStatus(), service.now()));
        }
        if (transition.progressChanged() && transition.after().progress().isDefined()) {
            emit(new JobEvent.ProgressChanged(record.ref(), transition.after().progress().get(), service.now()));
        }
        return false;
    }

    /** Ends the job with {@code failure}, for endings the provider did not report (submit failures, timeouts). */
    synchronized void fail(JobFailure failure) {
        if (record.isFinished()) {
            return;
        }
        JobFailure named = record.jobId().isDefined() && failure.jobId().isEmpty()
                ? failure.withJobId(record.jobId().get()) : failure;
        record = record.withState(JobState.failed(named, service.now())
                .withProgress(record.state().progress()));
        finishRecorded();
    }

    synchronized boolean isFinished() {
        return record.isFinished();
    }

    /** Replaces the pending timer, so a job never has two polls (or submits) waiting. */
    synchronized void schedule(Duration delay, Runnable task) {
        if (record.isFinished()) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        Scheduler.Task[] self = new Scheduler.Task[1];
        self[0] = service.scheduler().schedule(delay, () -> {
            fired(self[0]);
            task.run();
        });
        timer = self[0];
    }

    /** A timer that fires is spent: forget it, so the next schedule has nothing to cancel. */
    private synchronized void fired(Scheduler.Task task) {
        if (timer == task) {
            timer = null;
        }
    }

    void emit(JobEvent event) {
        service.publish(event, listeners);
    }

    private void finishRecorded() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        service.store().save(record);
        JobState state = record.state();
        emit(new JobEvent.Finished(record.ref(), state, Duration.between(record.createdAt(), service.now()), polls,
                service.now()));
        complete(state);
        service.finished(this);
    }

    private void complete(JobState state) {
        if (state.result().isDefined()) {
            result.complete(state.result().get());
        } else {
            JobFailedException failed = new JobFailedException(state.failure().get());
            accepted.completeExceptionally(failed); // no effect once accepted
            result.completeExceptionally(failed);
        }
    }

    @Override
    public String toString() {
        JobRecord current = record();
        return "VideoJob[" + current.ref() + " " + current.state().status() + "]";
    }
}
