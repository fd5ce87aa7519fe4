package io.imagine4j.benchmarks.jmh;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.CapabilityCheck;
import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.xai.XaiVideo;
import io.imagine4j.xai.XaiVideoProvider;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@link CapabilityCheck#check} against xAI's real capabilities, as every {@code submit} runs it
 * before any network call: a text-to-video request, an edit of a local 2 s MP4 (the check opens
 * the file to sniff its type and read its length from the MP4 header), and a request with two
 * violations (the error path, which builds messages).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CapabilityCheckBenchmark {

    private ProviderCapabilities xai;
    private Path clip;
    private VideoRequest textToVideo;
    private VideoRequest editOfLocalFile;
    private VideoRequest twoViolations;

    @Setup
    public void prepare() throws IOException {
        // Building the provider makes no call; only its capabilities are used.
        try (XaiVideoProvider provider = XaiVideo.builder().apiKey("bench-key").baseUrl("http://127.0.0.1:9/v1").build()) {
            xai = provider.capabilities();
        }
        clip = Files.createTempFile("imagine4j-bench-", ".mp4");
        Files.write(clip, SampleMp4.of(Duration.ofSeconds(2)));
        textToVideo = VideoRequest.textToVideo("A red fox running through fresh snow at dawn")
                .with(options -> options.withDurationSeconds(8).withAspectRatio(AspectRatio.LANDSCAPE_16_9));
        editOfLocalFile = VideoRequest.edit("Make it snow", MediaSource.file(clip));
        twoViolations = VideoRequest.textToVideo("A red fox running through fresh snow at dawn")
                .with(options -> options.withDurationSeconds(99).withAspectRatio(new AspectRatio(21, 9)));
        if (CapabilityCheck.check(textToVideo, xai).isInvalid() || CapabilityCheck.check(editOfLocalFile, xai).isInvalid()
                || CapabilityCheck.check(twoViolations, xai).getError().size() != 2) {
            throw new IllegalStateException("the benchmark's requests do not check as intended");
        }
    }

    @TearDown
    public void removeClip() throws IOException {
        Files.deleteIfExists(clip);
    }

    @Benchmark
    public Validation<Seq<Violation>, CheckedRequest> textToVideo() {
        return CapabilityCheck.check(textToVideo, xai);
    }

    @Benchmark
    public Validation<Seq<Violation>, CheckedRequest> editOfLocalFile() {
        return CapabilityCheck.check(editOfLocalFile, xai);
    }

    @Benchmark
    public Validation<Seq<Violation>, CheckedRequest> invalidRequestWithTwoViolations() {
        return CapabilityCheck.check(twoViolations, xai);
    }
}
