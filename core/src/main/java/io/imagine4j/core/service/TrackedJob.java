package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.Generation;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailedException;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobRef;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStateMachine;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.job.Transition;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.Scheduler;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One job followed by the service: its record, its listeners, its futures, its poll timer and its
 * poll schedule. It holds state and reports changes; the {@link JobDriver} decides what happens
 * next. Every change happens under this object's lock, so a job's events come out in order even
 * when a poll and a pushed event arrive together, and every failure gets the job's id here.
 */
final class TrackedJob implements VideoJob {

    private final JobDriver driver;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<JobId> accepted = new CompletableFuture<>();
    private final CompletableFuture<GeneratedVideo> result = new CompletableFuture<>();
    private final PollSchedule schedule;

    private JobRecord record;
    private List<VideoJob> generations = List.of(this);
    private Scheduler.Task timer;
    private int submitAttempts;
    private int polls;
    private int consecutivePollFailures;
    private boolean followedElsewhere;

    TrackedJob(JobDriver driver, JobRecord record, ServiceSettings settings, Instant now) {
        this.driver = driver;
        this.record = record;
        this.schedule = new PollSchedule(settings, now);
        record.jobId().forEach(accepted::complete);
        if (record.isFinished()) {
            complete(record.state());
        }
    }

    // ---- the handle ----

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
    public Generation generation() {
        return record().generation();
    }

    @Override
    public synchronized List<VideoJob> generations() {
        return generations;
    }

    @Override
    public synchronized JobState state() {
        return record.state();
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
        driver.scheduler().waitFor(accepted, timeout);
        JobState now = state();
        return jobId().toEither(() -> now.failure().getOrElse(() -> JobFailure.of(FailureKind.TIMEOUT, "await_timeout",
                "The provider has not answered the submit of job " + key() + " after " + timeout
                        + "; imagine4j keeps trying: wait again, or watch its events.")));
    }

    @Override
    public Either<JobFailure, GeneratedVideo> await(Duration timeout) throws InterruptedException {
        if (!driver.scheduler().waitFor(result, timeout)) {
            return Either.left(new JobFailure(FailureKind.TIMEOUT, "await_timeout",
                    "The job is still " + status() + " after waiting " + timeout
                            + "; it keeps running: wait again, or check its status later.",
                    jobId(), Option.none()));
        }
        JobState done = state();
        return done.result().toEither(() -> done.failure().get());
    }

    @Override
    public List<Either<JobFailure, GeneratedVideo>> awaitAll(Duration timeout) throws InterruptedException {
        Instant deadline = driver.now().plus(timeout);
        List<Either<JobFailure, GeneratedVideo>> outcomes = new ArrayList<>();
        for (VideoJob job : generations()) {
            // One deadline for all: jobs that end early leave their time to the others.
            Duration left = Duration.between(driver.now(), deadline);
            outcomes.add(job.await(left.isNegative() ? Duration.ZERO : left));
        }
        return outcomes;
    }

    @Override
    public Either<JobFailure, JobState> cancel() {
        return jobId().toEither(() -> JobFailure.of(FailureKind.NOT_FOUND, "not_accepted",
                "The provider has not accepted job " + key() + " yet; cancel it once accepted() completes."))
                .flatMap(driver::cancel);
    }

    // ---- what the driver reads and changes, each under the lock ----

    synchronized JobRecord record() {
        return record;
    }

    synchronized JobRef ref() {
        return record.ref();
    }

    synchronized boolean isFinished() {
        return record.isFinished();
    }

    /** Whether another instance follows this job now (it was handed over, or only shown from the store). */
    synchronized boolean isFollowedElsewhere() {
        return followedElsewhere;
    }

    synchronized void joinGenerations(List<VideoJob> all) {
        generations = List.copyOf(all);
    }

    void listen(JobListener listener) {
        listeners.add(listener);
    }

    synchronized int nextSubmitAttempt() {
        return ++submitAttempts;
    }

    synchronized void countPoll() {
        polls++;
    }

    synchronized int pollFailed() {
        return ++consecutivePollFailures;
    }

    /** The job started at the provider no sooner than {@code sent}: its progress is measured from there. */
    synchronized void pollClockFrom(Instant sent) {
        schedule.restart(sent);
    }

    synchronized Duration nextPollWait(Option<Duration> hint) {
        return schedule.next(driver.now(), hint, driver.random());
    }

    synchronized Duration waitAfterPollFailure(Option<Duration> hint) {
        return schedule.afterFailure(hint, driver.random());
    }

    synchronized void accept(JobId id, int attempts) {
        if (followedElsewhere) {
            return;
        }
        record = record.withJobId(id);
        driver.save(this, record);
        emit(new JobEvent.Accepted(record.ref(), id, attempts, driver.now()));
        accepted.complete(id);
    }

    /** Applies an update from the provider; answers whether the job is now finished (or no longer followed here). */
    synchronized boolean apply(JobUpdate update) {
        if (followedElsewhere) {
            return true; // a poll that was under way when another instance took the job over changes nothing here
        }
        consecutivePollFailures = 0;
        JobUpdate named = record.jobId().map(update::forJob).getOrElse(update);
        Instant now = driver.now();
        schedule.observed(named.progress(), now);
        Transition transition = JobStateMachine.apply(record.state(), named, now);
        if (transition.isIgnored()) {
            emit(new JobEvent.UpdateIgnored(record.ref(), named, transition.ignoredBecause().get(), now));
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
            driver.save(this, record);
            emit(new JobEvent.StatusChanged(record.ref(), transition.before().status(), transition.after().status(),
                    transition.after().rawStatus(), now));
        }
        if (transition.progressChanged() && transition.after().progress().isDefined()) {
            emit(new JobEvent.ProgressChanged(record.ref(), transition.after().progress().get(), now));
        }
        return false;
    }

    /** Ends the job with {@code failure}, for endings the provider did not report (submit failures, timeouts). */
    synchronized void fail(JobFailure failure) {
        if (record.isFinished() || followedElsewhere) {
            return;
        }
        JobFailure named = record.jobId().map(failure::forJob).getOrElse(failure);
        record = record.withState(JobState.failed(named, driver.now()).withProgress(record.state().progress()));
        finishRecorded();
    }

    /** Stops following the job without ending it: another instance has taken it over. */
    synchronized void handOver() {
        followedElsewhere = true;
        cancelTimer();
        emit(new JobEvent.HandedOver(record.ref(), driver.now()));
    }

    /**
     * Marks a handle on a stored job that another live instance follows: it shows the job as it stood
     * in the store, and this process neither polls nor writes it.
     */
    synchronized TrackedJob followedElsewhere() {
        followedElsewhere = true;
        return this;
    }

    /** Replaces the pending timer, so a job never has two polls (or submits) waiting. */
    synchronized void schedule(Duration delay, Runnable task) {
        if (record.isFinished() || followedElsewhere) {
            return;
        }
        cancelTimer();
        Scheduler.Task[] self = new Scheduler.Task[1];
        self[0] = driver.scheduler().schedule(delay, () -> {
            fired(self[0]);
            task.run();
        });
        timer = self[0];
    }

    void emit(JobEvent event) {
        driver.publish(event, listeners);
    }

    /** A timer that fires is spent: forget it, so the next schedule has nothing to cancel. */
    private synchronized void fired(Scheduler.Task task) {
        if (timer == task) {
            timer = null;
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void finishRecorded() {
        cancelTimer();
        driver.save(this, record);
        JobState state = record.state();
        Instant now = driver.now();
        emit(new JobEvent.Finished(record.ref(), state, Duration.between(record.createdAt(), now), polls, now));
        complete(state);
        driver.finished(this);
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
