package io.imagine4j.benchmarks.jmh;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobRef;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.micrometer.JobMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.control.Option;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * {@link JobMeters#onEvent} on a {@link SimpleMeterRegistry}: one progress event of a job in
 * flight (the most frequent event), and the six events of a whole job (created, accepted, queued
 * to running, two progress steps, finished: counters, the in-flight gauge, the time-to-result
 * timer and the polls summary).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class JobMetersBenchmark {

    private static final int KEYS = 1024;

    private final Instant now = Instant.parse("2026-01-01T00:00:10Z");
    private JobMeters meters;
    private JobEvent.ProgressChanged progress;
    private SubmissionKey[] keys;
    private JobId jobId;
    private JobState succeeded;
    private int next;

    @Setup
    public void prepare() {
        meters = JobMeters.on(new SimpleMeterRegistry());
        JobRef inFlight = ref(SubmissionKey.random());
        meters.onEvent(new JobEvent.Created(inFlight, now));
        progress = new JobEvent.ProgressChanged(inFlight, 40, now);
        // Keys are reused once their job finished: no UUID generation inside the measurement.
        keys = new SubmissionKey[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = SubmissionKey.random();
        }
        jobId = JobId.of("xai", "0b5c9d1e-6a5f-4f4e-9a43-1c2b3d4e5f60");
        GeneratedVideo video = GeneratedVideo.at(jobId, URI.create("https://vidgen.x.ai/xai-video-0b5c9d1e.mp4"));
        succeeded = new JobState(JobStatus.SUCCEEDED, Option.some(100), "done", Option.some(video), Option.none(), now);
    }

    @Benchmark
    public JobMeters progressOfAJobInFlight() {
        meters.onEvent(progress);
        return meters;
    }

    @Benchmark
    public JobMeters wholeJob() {
        JobRef job = ref(keys[next++ & (KEYS - 1)]);
        meters.onEvent(new JobEvent.Created(job, now));
        meters.onEvent(new JobEvent.Accepted(job, jobId, 1, now));
        meters.onEvent(new JobEvent.StatusChanged(job, JobStatus.QUEUED, JobStatus.RUNNING, "pending", now));
        meters.onEvent(new JobEvent.ProgressChanged(job, 40, now));
        meters.onEvent(new JobEvent.ProgressChanged(job, 80, now));
        meters.onEvent(new JobEvent.Finished(job, succeeded, Duration.ofSeconds(42), 5, now));
        return meters;
    }

    private static JobRef ref(SubmissionKey key) {
        return new JobRef(key, "xai", Option.some(RequestKind.TEXT_TO_VIDEO), Option.none());
    }
}
