package io.imagine4j.micrometer;

import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.job.JobRef;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.RequestKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records job meters from the core's {@link JobEvent}s. Tags are {@code provider},
 * {@code kind} (the request kind: {@code text-to-video}, {@code edit}…, or {@code unknown} for a
 * job only watched) and, where a meter has one, {@code outcome} ({@code succeeded}, or the
 * failure kind: {@code moderation}, {@code timeout}, {@code submission_outcome_unknown}…). Never a
 * prompt, a key or an id, so the number of series stays small whatever the number of jobs.
 * <ul>
 *   <li>{@value #SUBMITTED} (counter): jobs the provider accepted;</li>
 *   <li>{@value #IN_FLIGHT} (gauge): jobs followed and not yet finished, from their first event in
 *       this process ({@code Created} when submitted here, {@code Resumed} when picked up);</li>
 *   <li>{@value #FINISHED} (counter, with outcome): jobs that ended;</li>
 *   <li>{@value #TIME_TO_RESULT} (timer, with outcome): from when the job was stored to its end;</li>
 *   <li>{@value #POLLS} (distribution summary, with outcome): polls made per finished job;</li>
 *   <li>{@value #SUBMIT_RETRIES} and {@value #POLL_FAILURES} (counters, outcome = the failure kind).</li>
 * </ul>
 * Memory: one small entry per job in flight, bounded by {@code maxTrackedJobs}; jobs beyond it are
 * counted everywhere except in the gauge ({@link #untracked()} says how many).
 *
 * <pre>{@code
 * JobMeters meters = JobMeters.on(registry);
 * VideoJobs jobs = VideoJobService.builder(provider).listener(meters).build();
 * }</pre>
 */
public final class JobMeters implements JobListener {

    public static final String SUBMITTED = "imagine4j.jobs.submitted";
    public static final String IN_FLIGHT = "imagine4j.jobs.in.flight";
    public static final String FINISHED = "imagine4j.jobs.finished";
    public static final String TIME_TO_RESULT = "imagine4j.jobs.time.to.result";
    public static final String POLLS = "imagine4j.jobs.polls";
    public static final String SUBMIT_RETRIES = "imagine4j.jobs.submit.retries";
    public static final String POLL_FAILURES = "imagine4j.jobs.poll.failures";

    /** Default bound on jobs followed by the in-flight gauge. */
    public static final int DEFAULT_MAX_TRACKED_JOBS = 100_000;

    private final MeterRegistry registry;
    private final int maxTrackedJobs;
    private final Map<SubmissionKey, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicInteger> gauges = new ConcurrentHashMap<>();
    private final Map<Tags, Counter> submitted = new ConcurrentHashMap<>();
    private final Map<Tags, Counter> finished = new ConcurrentHashMap<>();
    private final Map<Tags, Timer> timeToResult = new ConcurrentHashMap<>();
    private final Map<Tags, DistributionSummary> polls = new ConcurrentHashMap<>();
    private final Map<Tags, Counter> submitRetries = new ConcurrentHashMap<>();
    private final Map<Tags, Counter> pollFailures = new ConcurrentHashMap<>();
    private final AtomicLong untracked = new AtomicLong();

    private JobMeters(MeterRegistry registry, int maxTrackedJobs) {
        this.registry = registry;
        this.maxTrackedJobs = maxTrackedJobs;
    }

    /** Meters in {@code registry}, following up to {@value #DEFAULT_MAX_TRACKED_JOBS} jobs in flight. */
    public static JobMeters on(MeterRegistry registry) {
        return on(registry, DEFAULT_MAX_TRACKED_JOBS);
    }

    /** Meters in {@code registry}, following up to {@code maxTrackedJobs} jobs in flight. */
    public static JobMeters on(MeterRegistry registry, int maxTrackedJobs) {
        Objects.requireNonNull(registry, "registry");
        if (maxTrackedJobs < 1) {
            throw new IllegalArgumentException("maxTrackedJobs must be positive, got " + maxTrackedJobs);
        }
        return new JobMeters(registry, maxTrackedJobs);
    }

    @Override
    public void onEvent(JobEvent event) {
        JobRef job = event.job();
        Tags group = Tags.of("provider", job.provider(), "kind", job.kind().map(RequestKind::label).getOrElse("unknown"));
        if (event instanceof JobEvent.Finished done) {
            finish(job, group, done);
            return;
        }
        track(job.key(), group);
        if (event instanceof JobEvent.Accepted) {
            submitted.computeIfAbsent(group, tags -> Counter.builder(SUBMITTED)
                    .description("Jobs the provider accepted").tags(tags).register(registry)).increment();
        } else if (event instanceof JobEvent.SubmitRetrying retrying) {
            Tags tags = group.and("outcome", label(retrying.cause().kind().name()));
            submitRetries.computeIfAbsent(tags, t -> Counter.builder(SUBMIT_RETRIES)
                    .description("Submits refused in a way that allowed sending them again").tags(t).register(registry))
                    .increment();
        } else if (event instanceof JobEvent.PollFailed failed) {
            Tags tags = group.and("outcome", label(failed.failure().kind().name()));
            pollFailures.computeIfAbsent(tags, t -> Counter.builder(POLL_FAILURES)
                    .description("Polls that failed and were tried again").tags(t).register(registry)).increment();
        }
    }

    /** How many jobs the in-flight gauge follows right now. */
    public int tracked() {
        return inFlight.size();
    }

    /** How many jobs were left out of the in-flight gauge because {@code maxTrackedJobs} was reached. */
    public long untracked() {
        return untracked.get();
    }

    private void track(SubmissionKey key, Tags group) {
        if (inFlight.containsKey(key)) {
            return;
        }
        if (inFlight.size() >= maxTrackedJobs) {
            untracked.incrementAndGet();
            return;
        }
        AtomicInteger gauge = gauges.computeIfAbsent(group, tags -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(IN_FLIGHT, count, AtomicInteger::get).description("Jobs followed and not yet finished")
                    .tags(tags).strongReference(true).register(registry);
            return count;
        });
        if (inFlight.putIfAbsent(key, gauge) == null) {
            gauge.incrementAndGet();
        }
    }

    private void finish(JobRef job, Tags group, JobEvent.Finished done) {
        AtomicInteger gauge = inFlight.remove(job.key());
        if (gauge != null) {
            gauge.decrementAndGet();
        }
        Tags tags = group.and("outcome", outcome(done.state()));
        finished.computeIfAbsent(tags, t -> Counter.builder(FINISHED).description("Jobs that ended").tags(t)
                .register(registry)).increment();
        timeToResult.computeIfAbsent(tags, t -> Timer.builder(TIME_TO_RESULT)
                .description("From storing a job to its end").tags(t).register(registry)).record(done.elapsed());
        polls.computeIfAbsent(tags, t -> DistributionSummary.builder(POLLS).description("Polls made per finished job")
                .baseUnit("polls").tags(t).register(registry)).record(done.polls());
    }

    private static String outcome(JobState state) {
        if (state.status() == JobStatus.SUCCEEDED) {
            return "succeeded";
        }
        return state.failure().map(failure -> label(failure.kind().name())).getOrElse(() -> label(state.status().name()));
    }

    private static String label(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
