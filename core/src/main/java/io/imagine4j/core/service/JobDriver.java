package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.Generation;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.CapabilityCheck;
import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.JobStoreException;
import io.imagine4j.core.port.out.Scheduler;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoProvider;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * The one place a job's life is decided, read top to bottom: submit it (sending again only what
 * surely started nothing), hand out its ids, poll it (or let pushed events end it), stop at its
 * deadline, finish it. {@link TrackedJob} holds each job's state; {@link Leases} keeps this
 * instance's claim on them in a shared store; the service in front only checks and records.
 */
final class JobDriver {

    private static final System.Logger LOG = System.getLogger(JobDriver.class.getName());

    private final VideoProvider provider;
    private final JobStore store;
    private final Scheduler scheduler;
    private final ServiceSettings settings;
    private final List<JobListener> listeners;
    private final DoubleSupplier random;
    private final Spending spending;
    private final Leases leases;
    private final ProviderCalls calls;
    private final Map<SubmissionKey, TrackedJob> inFlight = new ConcurrentHashMap<>();
    private final Map<JobId, TrackedJob> byJobId = new ConcurrentHashMap<>();
    private final Option<JobEventSource.Subscription> push;
    private volatile boolean pushConnected;

    JobDriver(VideoProvider provider, JobStore store, Scheduler scheduler, ServiceSettings settings,
            List<JobListener> listeners, DoubleSupplier random, Spending spending, String owner) {
        this.provider = provider;
        this.store = store;
        this.scheduler = scheduler;
        this.settings = settings;
        this.listeners = listeners;
        this.random = random;
        this.spending = spending;
        this.leases = new Leases(this, store, scheduler, settings, owner);
        this.calls = new ProviderCalls(provider);
        // Subscribe before any submit: pushed events are not replayed.
        this.push = provider.eventSource().map(source -> source.subscribe(new PushReaction(this)));
    }

    // ---- submit ----

    /**
     * Records one job per generation of {@code checked} (before anything is sent: a crash from here
     * on leaves records to resume), then sends the one submit in the background.
     *
     * @throws JobStoreException when the jobs cannot be recorded; nothing is sent
     */
    List<TrackedJob> submit(SubmissionKey submission, CheckedRequest checked, JobListener listener) {
        int count = checked.request().options().generationCount();
        Instant now = now();
        List<TrackedJob> group = new ArrayList<>(count);
        for (int index = 1; index <= count; index++) {
            JobRecord record = JobRecord.beforeSubmit(Generation.of(submission, index, count), provider.name(),
                    checked.request(), now);
            recordBeforeSubmit(record, group);
            TrackedJob job = track(record);
            job.listen(listener);
            group.add(job);
        }
        List<VideoJob> handles = List.copyOf(group);
        group.forEach(job -> job.joinGenerations(handles));
        group.forEach(job -> job.emit(new JobEvent.Created(job.ref(), now)));
        group.get(0).schedule(Duration.ZERO, () -> submitOnce(group, checked));
        return group;
    }

    private void recordBeforeSubmit(JobRecord record, List<TrackedJob> recordedSoFar) {
        try {
            leases.saveHeld(record);
        } catch (JobStoreException e) {
            // Nothing was sent: the generations already recorded end here, not as "outcome unknown".
            JobFailure notSent = JobFailure.of(FailureKind.UNAVAILABLE, "store_failed",
                    "The job could not be recorded before its submit, so it was not sent: " + e.getMessage());
            recordedSoFar.forEach(job -> job.fail(notSent));
            throw e;
        }
    }

    private void submitOnce(List<TrackedJob> group, CheckedRequest checked) {
        TrackedJob lead = group.get(0);
        if (group.stream().allMatch(TrackedJob::isFinished) || lead.isFollowedElsewhere()) {
            return; // ended, or taken over: another instance decides whether it was sent
        }
        int attempt = lead.nextSubmitAttempt();
        Instant sent = now();
        SubmitOutcome outcome;
        try {
            outcome = provider.submit(new Submission(lead.generation().submission(), checked));
        } catch (RuntimeException e) {
            // The adapter broke its contract; whether it sent anything is unknown.
            outcome = new SubmitOutcome.Ambiguous(JobFailure.of(FailureKind.PROTOCOL, "adapter_error",
                    provider.name() + " adapter failed: " + e.getClass().getSimpleName()));
        }
        if (outcome instanceof SubmitOutcome.Accepted accepted) {
            started(group, accepted, attempt, sent);
        } else if (outcome instanceof SubmitOutcome.Refused refused) {
            JobFailure failure = refused.failure();
            boolean retryable = failure.kind() == FailureKind.RATE_LIMITED || failure.kind() == FailureKind.UNAVAILABLE;
            retryOrFail(group, checked, attempt, failure, retryable, failure);
        } else {
            JobFailure cause = ((SubmitOutcome.Ambiguous) outcome).cause();
            retryOrFail(group, checked, attempt, cause, provider.capabilities().supports(ProviderFeature.IDEMPOTENT_SUBMIT),
                    JobFailure.of(FailureKind.SUBMISSION_OUTCOME_UNKNOWN, cause.code(), "The submit of job " + lead.key()
                            + " to " + provider.name() + " may have reached it before failing (" + cause.message()
                            + "). It was not sent again, to avoid paying twice: look for the job in the provider's console"
                            + " before submitting again."));
        }
    }

    /** Gives each generation its id, in order; a generation the provider did not start ends as a protocol failure. */
    private void started(List<TrackedJob> group, SubmitOutcome.Accepted accepted, int attempt, Instant sent) {
        List<JobId> ids = accepted.jobIds();
        for (int i = 0; i < group.size(); i++) {
            TrackedJob job = group.get(i);
            if (i >= ids.size()) {
                job.fail(JobFailure.of(FailureKind.PROTOCOL, "missing_generation", provider.name() + " started "
                        + ids.size() + " of the " + group.size() + " videos asked for; this one was not started."));
                continue;
            }
            byJobId.put(ids.get(i), job);
            job.accept(ids.get(i), attempt);
            job.pollClockFrom(sent);
            if (!job.apply(accepted.initial())) {
                schedulePoll(job, accepted.initial().pollAfter());
            }
        }
        if (ids.size() > group.size()) {
            LOG.log(System.Logger.Level.WARNING, provider.name() + " started " + ids.size() + " jobs for a submit of "
                    + group.size() + "; the extra ones are not followed: " + ids.subList(group.size(), ids.size()));
        }
    }

    private void retryOrFail(List<TrackedJob> group, CheckedRequest checked, int attempt, JobFailure cause,
            boolean retryable, JobFailure finalFailure) {
        TrackedJob lead = group.get(0);
        Duration wait = cause.retryAfter().map(r -> r.delay())
                .getOrElse(() -> settings.submitBackoff().delay(attempt - 1, random));
        boolean inTime = now().plus(wait).isBefore(lead.record().createdAt().plus(settings.watchTimeout()));
        if (retryable && attempt < settings.maxSubmitAttempts() && inTime) {
            group.forEach(job -> job.emit(new JobEvent.SubmitRetrying(job.ref(), cause, attempt, wait, now())));
            lead.schedule(wait, () -> submitOnce(group, checked));
            return;
        }
        if (finalFailure.kind() != FailureKind.SUBMISSION_OUTCOME_UNKNOWN) {
            spending.release(lead.generation().submission()); // surely nothing started, so nothing is spent
        }
        group.forEach(job -> job.fail(finalFailure));
    }

    // ---- follow ----

    /** Follows a stored job this process did not submit (resumed, claimed or watched); answers its handle. */
    TrackedJob follow(JobRecord record) {
        TrackedJob known = inFlight.get(record.key());
        if (known != null) {
            return known;
        }
        TrackedJob job = track(record);
        if (job.isFinished() || job != inFlight.get(record.key())) {
            return job;
        }
        job.emit(new JobEvent.Resumed(record.ref(), now()));
        if (record.jobId().isDefined()) {
            job.schedule(Duration.ZERO, () -> poll(job));
        } else if (resubmittable(record)) {
            CapabilityCheck.check(record.request().get(), provider.capabilities()).fold(
                    violations -> {
                        job.fail(JobFailure.of(FailureKind.INVALID_REQUEST, "invalid_on_resume", "The stored request of job "
                                + record.key() + " no longer passes the capability check: " + violations.mkString("; ")));
                        return null;
                    },
                    checked -> {
                        job.schedule(Duration.ZERO, () -> submitOnce(List.of(job), checked));
                        return null;
                    });
        } else {
            job.fail(JobFailure.of(FailureKind.SUBMISSION_OUTCOME_UNKNOWN, "interrupted_submit",
                    "imagine4j stopped before " + provider.name() + " acknowledged the submit of job " + record.key()
                            + ", so whether the job started is unknown. It was not sent again, to avoid paying twice:"
                            + " look for it in the provider's console before submitting it again."));
        }
        return job;
    }

    /** Only a provider that honours idempotency keys may get a submit again, and only a single one. */
    private boolean resubmittable(JobRecord record) {
        return record.request().isDefined() && record.generation().count() == 1
                && provider.capabilities().supports(ProviderFeature.IDEMPOTENT_SUBMIT);
    }

    private void poll(TrackedJob job) {
        if (job.isFinished() || job.isFollowedElsewhere()) {
            return; // ended, or handed over while this poll waited for a thread
        }
        JobRecord record = job.record();
        JobId id = record.jobId().get();
        if (!now().isBefore(record.createdAt().plus(settings.watchTimeout()))) {
            job.fail(JobFailure.of(FailureKind.TIMEOUT, "watch_timeout", "imagine4j stopped following job " + id
                    + " after " + settings.watchTimeout() + " without an end; the provider may still finish it:"
                    + " check its status before submitting it again."));
            return;
        }
        job.countPoll();
        calls.poll(id).fold(failure -> {
            pollFailed(job, failure);
            return null;
        }, update -> {
            if (!job.apply(update)) {
                schedulePoll(job, update.pollAfter());
            }
            return null;
        });
    }

    private void pollFailed(TrackedJob job, JobFailure failure) {
        int failures = job.pollFailed();
        boolean retry = failure.kind().isTransient()
                && !(failure.kind() == FailureKind.PROTOCOL && failures >= settings.maxProtocolErrors());
        if (!retry) {
            job.fail(failure);
            return;
        }
        Duration wait = job.waitAfterPollFailure(failure.retryAfter().map(r -> r.delay()));
        job.emit(new JobEvent.PollFailed(job.ref(), failure, failures, wait, now()));
        job.schedule(wait, () -> poll(job));
    }

    private void schedulePoll(TrackedJob job, Option<Duration> hint) {
        Duration wait = pushConnected ? settings.pushSafetyInterval() : job.nextPollWait(hint);
        job.schedule(wait, () -> poll(job));
    }

    /** Asks the provider to cancel; a job followed here takes the answer as an update. */
    Either<JobFailure, JobState> cancel(JobId jobId) {
        return calls.cancel(jobId)
                .map(update -> Option.of(byJobId.get(jobId)).fold(
                        () -> new JobState(update.status(), update.progress(), update.rawStatus(), update.result(),
                                update.failure(), now()),
                        job -> {
                            job.apply(update);
                            return job.state();
                        }));
    }

    // ---- push ----

    /** The push channel connected or dropped: while it is healthy, jobs are polled only as a safety net. */
    void pushConnected(boolean connected) {
        pushConnected = connected;
        for (TrackedJob job : inFlight.values()) {
            if (job.jobId().isDefined()) {
                // On (re)connect, events sent meanwhile are lost: look at every open job once. On a drop, polling takes over.
                job.schedule(connected ? Duration.ZERO : job.nextPollWait(Option.none()), () -> poll(job));
            }
        }
    }

    /** A pushed update; the stream carries every job of the account, not only those followed here. */
    void pushed(JobId jobId, JobUpdate update) {
        Option.of(byJobId.get(jobId)).forEach(job -> job.apply(update));
    }

    // ---- the registry, and what TrackedJob and Leases call ----

    private TrackedJob track(JobRecord record) {
        TrackedJob job = new TrackedJob(this, record, settings, now());
        if (!record.isFinished()) {
            TrackedJob earlier = inFlight.putIfAbsent(record.key(), job);
            if (earlier != null) {
                return earlier;
            }
            record.jobId().forEach(id -> byJobId.put(id, job));
            leases.following();
        }
        return job;
    }

    /** A handle on a stored job that another live instance follows: not followed, not written, here. */
    TrackedJob followedElsewhere(JobRecord record) {
        return new TrackedJob(this, record, settings, now()).followedElsewhere();
    }

    Option<TrackedJob> find(SubmissionKey key) {
        return Option.of(inFlight.get(key));
    }

    Option<TrackedJob> find(JobId jobId) {
        return Option.of(byJobId.get(jobId));
    }

    java.util.Collection<TrackedJob> following() {
        return inFlight.values();
    }

    /** Another instance holds the job now: stop following it here. */
    void lost(SubmissionKey key) {
        Option.of(inFlight.get(key)).forEach(job -> {
            forget(job);
            job.handOver();
        });
    }

    void save(TrackedJob job, JobRecord record) {
        try {
            store.save(record);
        } catch (JobStoreException e) {
            job.emit(new JobEvent.StoreFailed(record.ref(), e.getMessage(), now()));
        }
    }

    void finished(TrackedJob job) {
        forget(job);
        spending.settle(job.generation().submission(), job.state());
    }

    private void forget(TrackedJob job) {
        inFlight.remove(job.key());
        job.jobId().forEach(byJobId::remove);
        if (inFlight.isEmpty()) {
            leases.idle(); // a pending renewal would keep a virtual clock busy for nothing
        }
    }

    void publish(JobEvent event, List<JobListener> jobListeners) {
        for (JobListener listener : listeners) {
            deliver(listener, event);
        }
        for (JobListener listener : jobListeners) {
            deliver(listener, event);
        }
    }

    Leases leases() {
        return leases;
    }

    ProviderCalls calls() {
        return calls;
    }

    Instant now() {
        return scheduler.now();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    DoubleSupplier random() {
        return random;
    }

    void close() {
        push.forEach(JobEventSource.Subscription::close);
        leases.close(inFlight.keySet());
    }

    private static void deliver(JobListener listener, JobEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            // A listener's bug must not stop the job it listens to.
            LOG.log(System.Logger.Level.WARNING, "a job listener failed on " + event.getClass().getSimpleName(), e);
        }
    }
}
