package io.imagine4j.benchmarks.jmh;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.imagine4j.xai.XaiVideo;
import io.imagine4j.xai.XaiVideoProvider;
import io.vavr.control.Either;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * One poll over loopback HTTP against the xAI simulator (same JVM, manual clock, so a job stays
 * pending or done for as long as the benchmark runs): through the xAI adapter's public
 * {@code poll} (Feign, Jackson, error classification, the adapter's own answer mapping), and the
 * raw-HTTP baseline, a plain {@link HttpClient} GET of the same URL read as a string. The
 * difference is what the adapter adds to each poll; the rest is the HTTP exchange and the
 * simulator, the same for both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Two JIT-heavy stacks (client and simulator) in one JVM: a longer warm-up than the others.
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class XaiPollRoundTripBenchmark {

    private XaiSimulator simulator;
    private XaiVideoProvider provider;
    private HttpClient http;
    private JobId pendingJob;
    private JobId doneJob;
    private HttpRequest rawPendingPoll;

    @Setup
    public void start() {
        simulator = XaiSimulator.start();
        provider = XaiVideo.builder().apiKey("bench-key").baseUrl(simulator.baseUrl()).build();
        pendingJob = submit("A red fox running through fresh snow #sim:time=1h");
        doneJob = submit("A red fox running through fresh snow #sim:instant");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        rawPendingPoll = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/videos/" + pendingJob.value()))
                .header("Authorization", "Bearer bench-key").GET().build();
        if (imagine4jPollPending().isLeft() || !imagine4jPollDone().get().status().isTerminal()) {
            throw new IllegalStateException("the simulator's jobs are not pending and done as intended");
        }
    }

    @TearDown
    public void stop() {
        provider.close();
        simulator.close();
    }

    @Benchmark
    public Either<JobFailure, JobUpdate> imagine4jPollPending() {
        return provider.poll(pendingJob);
    }

    @Benchmark
    public Either<JobFailure, JobUpdate> imagine4jPollDone() {
        return provider.poll(doneJob);
    }

    @Benchmark
    public String rawHttpPollPending() throws IOException, InterruptedException {
        return http.send(rawPendingPoll, HttpResponse.BodyHandlers.ofString()).body();
    }

    private JobId submit(String prompt) {
        SubmitOutcome outcome = provider.submit(Submission.of(SubmissionKey.random(), VideoRequest.textToVideo(prompt), provider.capabilities()));
        if (!(outcome instanceof SubmitOutcome.Accepted accepted)) {
            throw new IllegalStateException("the simulator did not accept the benchmark's job: " + outcome);
        }
        return accepted.jobId();
    }
}
