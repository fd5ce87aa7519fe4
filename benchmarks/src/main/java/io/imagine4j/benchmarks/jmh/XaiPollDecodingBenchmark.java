package io.imagine4j.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.http.json.ApiJson;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.http.response.ResponseHeaders;
import io.imagine4j.xai.wire.VideoStatus;
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
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Turning an xAI poll answer's bytes into a {@link JobUpdate}, without the network: the http
 * kit's {@link ApiResponse} decoding the body into the adapter's public wire record
 * {@link VideoStatus} with the shared Jackson mapper, then the same mapping steps as the
 * adapter's (package-private) poll reader. The adapter's own code, network included, is measured
 * by {@link XaiPollRoundTripBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class XaiPollDecodingBenchmark {

    private static final BigDecimal TICKS_PER_USD = new BigDecimal("10000000000");
    private static final String REQUEST = "GET https://api.x.ai/v1/videos/0b5c9d1e-6a5f-4f4e-9a43-1c2b3d4e5f60";

    private final ObjectMapper mapper = ApiJson.mapper();
    private final JobId id = JobId.of("xai", "0b5c9d1e-6a5f-4f4e-9a43-1c2b3d4e5f60");
    private final Instant now = Instant.parse("2026-01-01T00:00:10Z");
    private ResponseHeaders headers;
    private byte[] pending;
    private byte[] done;

    @Setup
    public void prepare() {
        headers = ResponseHeaders.of(Map.of("content-type", List.of("application/json"), "content-length", List.of("38")));
        pending = "{\"status\":\"pending\",\"progress\":24}".getBytes(StandardCharsets.UTF_8);
        done = ("{\"status\":\"done\",\"video\":{\"url\":\"https://vidgen.x.ai/xai-vidgen-bucket/xai-video-"
                + "0b5c9d1e-6a5f-4f4e-9a43-1c2b3d4e5f60.mp4\",\"duration\":8,\"respect_moderation\":true},"
                + "\"model\":\"grok-imagine-video\",\"usage\":{\"cost_in_usd_ticks\":4000000000},\"progress\":100}")
                .getBytes(StandardCharsets.UTF_8);
        if (!pendingAnswer().get().status().name().equals("RUNNING") || !doneAnswer().get().status().isTerminal()) {
            throw new IllegalStateException("the benchmark's answers do not map as intended");
        }
    }

    @Benchmark
    public Either<JobFailure, JobUpdate> pendingAnswer() {
        return interpret(ApiResponse.of(202, headers, pending, VideoStatus.class, mapper, REQUEST));
    }

    @Benchmark
    public Either<JobFailure, JobUpdate> doneAnswer() {
        return interpret(ApiResponse.of(200, headers, done, VideoStatus.class, mapper, REQUEST));
    }

    /** The adapter's steps for the two answers every job sees: pending (202) and done (200). */
    private Either<JobFailure, JobUpdate> interpret(ApiResponse<VideoStatus> answer) {
        boolean retryHint = answer.headers().retryAfter(now).isDefined();
        if (answer.status() == 202 && !answer.hasBody()) {
            return Either.right(JobUpdate.running("pending"));
        }
        return answer.body().map(status -> {
            if ("done".equals(status.status())) {
                VideoStatus.Video video = status.video();
                GeneratedVideo result = GeneratedVideo.at(id, URI.create(video.url()))
                        .withDuration(Duration.ofMillis(Math.round(video.duration() * 1000)))
                        .withCostUsd(BigDecimal.valueOf(status.usage().costInUsdTicks())
                                .divide(TICKS_PER_USD, 6, RoundingMode.HALF_UP).stripTrailingZeros());
                return JobUpdate.succeeded(result, status.status());
            }
            JobUpdate update = status.progress() != null && status.progress() > 0
                    ? JobUpdate.running(status.status()) : JobUpdate.queued(status.status());
            update = status.progress() == null ? update : update.withProgress(Math.max(0, Math.min(100, status.progress())));
            return retryHint ? update.withPollAfter(Duration.ofSeconds(1)) : update;
        });
    }
}
