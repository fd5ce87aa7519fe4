package io.imagine4j.benchmarks.jmh;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStateMachine;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.Transition;
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
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * {@link JobStateMachine#apply}: what every poll answer and pushed event goes through. The common
 * cases (progress rises, nothing changed, queued to running, success) and the one that builds a
 * message (a stale update after the end, which is reported, not applied).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class JobStateMachineBenchmark {

    private final Instant now = Instant.parse("2026-01-01T00:00:10Z");
    private JobState queued;
    private JobState running40;
    private JobState succeeded;
    private JobUpdate running40Again;
    private JobUpdate running55;
    private JobUpdate startsRunning;
    private JobUpdate done;

    @Setup
    public void prepare() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        queued = JobState.initial(start);
        running40 = JobStateMachine.apply(queued, JobUpdate.running("pending").withProgress(40), start).after();
        GeneratedVideo video = GeneratedVideo.at(JobId.of("xai", "0b5c9d1e-6a5f-4f4e-9a43-1c2b3d4e5f60"),
                URI.create("https://vidgen.x.ai/xai-vidgen-bucket/xai-video-0b5c9d1e.mp4"));
        done = JobUpdate.succeeded(video, "done");
        succeeded = JobStateMachine.apply(running40, done, start).after();
        running40Again = JobUpdate.running("pending").withProgress(40);
        running55 = JobUpdate.running("pending").withProgress(55);
        startsRunning = JobUpdate.running("pending").withProgress(10);
    }

    @Benchmark
    public Transition progressRises() {
        return JobStateMachine.apply(running40, running55, now);
    }

    @Benchmark
    public Transition nothingChanged() {
        return JobStateMachine.apply(running40, running40Again, now);
    }

    @Benchmark
    public Transition queuedToRunning() {
        return JobStateMachine.apply(queued, startsRunning, now);
    }

    @Benchmark
    public Transition succeeds() {
        return JobStateMachine.apply(running40, done, now);
    }

    @Benchmark
    public Transition staleUpdateAfterTheEnd() {
        return JobStateMachine.apply(succeeded, running55, now);
    }
}
