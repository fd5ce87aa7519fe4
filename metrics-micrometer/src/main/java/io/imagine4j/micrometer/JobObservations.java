package io.imagine4j.micrometer;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailedException;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.job.JobRef;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.port.out.VideoProvider;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.vavr.control.Option;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each job an observation (Micrometer's Observation API), so a tracing bridge shows a span per job
 * ({@value #JOB}) from its creation to its end, with what happened to it as events (accepted,
 * status changes, progress, retried submits, failed polls, pushed updates) and, through
 * {@link #instrument(VideoProvider)}, its submit ({@value #SUBMIT}), every poll ({@value #POLL}) and
 * every content download ({@value #DOWNLOAD}) as child observations. A meter handler turns them
 * into timers as well.
 *
 * <p>Low-cardinality keys are those of the job meters: {@code provider}, {@code kind} and, once
 * the job ended, {@code outcome} ({@code succeeded}, or the failure kind: {@code moderation},
 * {@code timeout}…; {@code unfinished} when the service closed first, {@code handed_over} when
 * another instance took the job over). High-cardinality keys, for spans only, are imagine4j's
 * random job key ({@value #JOB_KEY}) and the provider's job id ({@value #JOB_ID}). Never the
 * prompt, an input, a result URL or a key. A failed job's error names only its kind and code,
 * since a provider's message may quote the prompt.
 *
 * <p>A job's observation has as parent the observation current where it was submitted (the web
 * request that submitted it, say). Memory: one entry per job in flight, at most
 * {@code maxOpen}; jobs beyond are not observed ({@link #unobserved()} counts them).
 *
 * <pre>{@code
 * JobObservations observations = JobObservations.on(observationRegistry);
 * VideoJobs jobs = VideoJobService.builder(observations.instrument(provider)).listener(observations).build();
 * }</pre>
 */
public final class JobObservations implements JobListener, AutoCloseable {

    /** A job, from its creation (or resumption) to its end. */
    public static final String JOB = "imagine4j.job";
    /** One submit sent to the provider (several when a refused submit is sent again). */
    public static final String SUBMIT = "imagine4j.job.submit";
    /** One poll of the provider. */
    public static final String POLL = "imagine4j.job.poll";
    /** One opening of a result's content, until its stream is closed. */
    public static final String DOWNLOAD = "imagine4j.job.download";

    public static final String PROVIDER = "provider";
    public static final String KIND = "kind";
    public static final String OUTCOME = "outcome";
    /** imagine4j's key of the job: random, for spans only. */
    public static final String JOB_KEY = "imagine4j.job.key";
    /** The provider's id of the job, for spans only. */
    public static final String JOB_ID = "imagine4j.job.id";

    /** Default bound on jobs observed at once. */
    public static final int DEFAULT_MAX_OPEN = 100_000;

    private final ObservationRegistry registry;
    private final int maxOpen;
    private final Map<SubmissionKey, Observation> open = new ConcurrentHashMap<>();
    private final Map<JobId, Observation> byJobId = new ConcurrentHashMap<>();
    private final AtomicLong unobserved = new AtomicLong();

    private JobObservations(ObservationRegistry registry, int maxOpen) {
        this.registry = registry;
        this.maxOpen = maxOpen;
    }

    /** Observations in {@code registry}, of up to {@value #DEFAULT_MAX_OPEN} jobs at once. */
    public static JobObservations on(ObservationRegistry registry) {
        return on(registry, DEFAULT_MAX_OPEN);
    }

    /** Observations in {@code registry}, of up to {@code maxOpen} jobs at once. */
    public static JobObservations on(ObservationRegistry registry, int maxOpen) {
        Objects.requireNonNull(registry, "registry");
        if (maxOpen < 1) {
            throw new IllegalArgumentException("maxOpen must be positive, got " + maxOpen);
        }
        return new JobObservations(registry, maxOpen);
    }

    /**
     * {@code provider} with its submits, polls and downloads observed as children of their job's
     * observation, and pushed updates recorded as its events; give it to the service along with
     * this listener.
     */
    public VideoProvider instrument(VideoProvider provider) {
        return new ObservedVideoProvider(provider, this);
    }

    @Override
    public void onEvent(JobEvent event) {
        JobRef job = event.job();
        if (event instanceof JobEvent.Created || event instanceof JobEvent.Resumed) {
            begin(job, event instanceof JobEvent.Created ? "created" : "resumed");
            return;
        }
        Observation observation = open.get(job.key());
        if (observation == null) {
            return;
        }
        if (event instanceof JobEvent.Accepted accepted) {
            byJobId.put(accepted.jobId(), observation);
            observation.highCardinalityKeyValue(JOB_ID, accepted.jobId().value());
            observation.event(Observation.Event.of("accepted", "accepted after " + accepted.attempts() + " submit(s)"));
        } else if (event instanceof JobEvent.StatusChanged changed) {
            observation.event(Observation.Event.of("status", label(changed.from().name()) + " -> " + label(changed.to().name())));
        } else if (event instanceof JobEvent.ProgressChanged progress) {
            observation.event(Observation.Event.of("progress", "progress " + progress.percent() + " %"));
        } else if (event instanceof JobEvent.SubmitRetrying retrying) {
            observation.event(Observation.Event.of("submit.retrying", "submit refused (" + label(retrying.cause().kind().name())
                    + "), sent again in " + retrying.retryIn().toMillis() + " ms"));
        } else if (event instanceof JobEvent.PollFailed failed) {
            observation.event(Observation.Event.of("poll.failed", "poll failed (" + label(failed.failure().kind().name())
                    + "), " + failed.consecutive() + " in a row"));
        } else if (event instanceof JobEvent.StoreFailed) {
            observation.event(Observation.Event.of("store.failed", "the job's record could not be written"));
        } else if (event instanceof JobEvent.HandedOver) {
            end(job, observation, "handed_over", Option.none());
        } else if (event instanceof JobEvent.Finished finished) {
            JobState state = finished.state();
            end(job, observation, outcome(state), state.status() == JobStatus.SUCCEEDED ? Option.none() : state.failure());
        }
    }

    /** How many jobs are observed right now. */
    public int observed() {
        return open.size();
    }

    /** How many jobs were left unobserved because {@code maxOpen} was reached. */
    public long unobserved() {
        return unobserved.get();
    }

    /** Ends the observation of every job still open, with outcome {@code unfinished} (they stay resumable). */
    @Override
    public void close() {
        open.forEach((key, observation) -> {
            if (open.remove(key, observation)) {
                observation.lowCardinalityKeyValue(OUTCOME, "unfinished").stop();
            }
        });
        byJobId.clear();
    }

    /** The observation of the job with this key, while it is open. */
    Option<Observation> ofKey(SubmissionKey key) {
        return Option.of(open.get(key));
    }

    /** The observation of the job with this provider id, while it is open. */
    Option<Observation> ofJob(JobId jobId) {
        return Option.of(byJobId.get(jobId));
    }

    /** A child observation of {@code parent} (or of the current observation), not started. */
    Observation child(String name, String provider, Option<Observation> parent) {
        Observation child = Observation.createNotStarted(name, registry).lowCardinalityKeyValue(PROVIDER, provider);
        parent.forEach(child::parentObservation);
        return child;
    }

    private void begin(JobRef job, String how) {
        if (open.containsKey(job.key())) {
            return;
        }
        if (open.size() >= maxOpen) {
            unobserved.incrementAndGet();
            return;
        }
        Observation observation = Observation.createNotStarted(JOB, registry)
                .contextualName("imagine4j job")
                .lowCardinalityKeyValue(PROVIDER, job.provider())
                .lowCardinalityKeyValue(KIND, job.kind().map(RequestKind::label).getOrElse("unknown"))
                .highCardinalityKeyValue(JOB_KEY, job.key().value());
        job.jobId().forEach(id -> observation.highCardinalityKeyValue(JOB_ID, id.value()));
        if (open.putIfAbsent(job.key(), observation) != null) {
            return;
        }
        observation.start();
        observation.event(Observation.Event.of(how));
        job.jobId().forEach(id -> byJobId.put(id, observation));
    }

    private void end(JobRef job, Observation observation, String outcome, Option<JobFailure> failure) {
        if (!open.remove(job.key(), observation)) {
            return;
        }
        job.jobId().forEach(id -> byJobId.remove(id, observation));
        observation.lowCardinalityKeyValue(OUTCOME, outcome);
        failure.filter(f -> f.kind() != FailureKind.CANCELLED).forEach(f -> observation.error(withoutMessage(f)));
        observation.stop();
    }

    /** The failure as an error that names only its kind and code: a provider's message may quote the prompt. */
    static JobFailedException withoutMessage(JobFailure failure) {
        return new JobFailedException(JobFailure.of(failure.kind(), failure.code(),
                "the job failed: " + label(failure.kind().name()) + " (" + failure.code() + ")"));
    }

    static String outcome(JobState state) {
        if (state.status() == JobStatus.SUCCEEDED) {
            return "succeeded";
        }
        return state.failure().map(failure -> label(failure.kind().name())).getOrElse(() -> label(state.status().name()));
    }

    static String label(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
