package io.imagine4j.benchmarks.load;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.VideoJobService;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The download run: one large result ({@code --download-size}, 1 GiB by default) streamed to disk,
 * {@code --jobs} rounds, each client in turn: raw {@link HttpClient} with
 * {@link HttpResponse.BodyHandlers#ofFile}, then imagine4j's {@code service.download} (the xAI
 * adapter: a result at a public URL, fetched without the key). Both read the same synthetic bytes
 * from the same loopback server in the child JVM ({@link SyntheticFileServer}). Per download:
 * throughput, and the heap it grew: the highest live heap (full collections when a quarter, half
 * and three quarters of the bytes are on disk; they pause both clients alike) above the live heap
 * before it. Young collections' figures are not used: they count buffers that died after their
 * promotion, garbage only a full collection finds.
 */
final class DownloadRun {

    private static final String NAME_RAW = "raw HTTP, BodyHandlers.ofFile";
    private static final String NAME_LIBRARY = "imagine4j";

    private final LoadOptions options;
    private final PrintStream log;
    private final JvmProbe jvm = JvmProbe.current();

    DownloadRun(LoadOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Every round's downloads, raw and imagine4j alternately. */
    List<DownloadResult> run() throws InterruptedException {
        Path directory = HttpLoadRun.temporaryDirectory();
        List<DownloadResult> results = new ArrayList<>();
        try (ForkedSimulator simulator = ForkedSimulator.start(Provider.XAI, Duration.ofSeconds(1))) {
            URI url = simulator.syntheticFile(options.downloadBytes());
            log.println("synthetic result of " + LoadReport.bytes(options.downloadBytes()) + " at " + url);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            VideoProvider provider = Imagine4jClient.adapter(Provider.XAI, simulator.baseUrl(), HttpLoadRun.API_KEY);
            try (VideoJobService service = VideoJobService.builder(provider).threads(1).build()) {
                GeneratedVideo video = GeneratedVideo.at(JobId.of(provider.name(), "synthetic"), url);
                // Unmeasured: loads and compiles both paths on a small file first.
                URI small = simulator.syntheticFile(8L << 20);
                download(NAME_RAW + " warm-up", directory, target -> raw(http, small, target));
                download(NAME_LIBRARY + " warm-up", directory, target -> library(service,
                        GeneratedVideo.at(JobId.of(provider.name(), "warm-up"), small), target));
                for (int round = 1; round <= options.jobs(); round++) {
                    log.printf("round %d of %d%n", round, options.jobs());
                    results.add(download(NAME_RAW, directory, target -> raw(http, url, target)));
                    results.add(download(NAME_LIBRARY, directory, target -> library(service, video, target)));
                }
            } finally {
                provider.close();
            }
            long[] served = simulator.syntheticFilesServed();
            if (served[1] != 0) {
                throw new LoadCheckFailed(List.of(served[1] + " downloads of a public result carried a credential"));
            }
        } finally {
            HttpLoadRun.delete(directory);
        }
        return results;
    }

    private DownloadResult download(String name, Path directory, Download action) throws InterruptedException {
        Path target = directory.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".mp4");
        long idle = jvm.heapAfterGc();
        AtomicLong peakUsed = new AtomicLong(idle);
        AtomicLong live = new AtomicLong(-1);
        Thread sampler = new Thread(() -> sample(directory, peakUsed, live), "download-heap-sampler");
        sampler.setDaemon(true);
        JvmProbe.Reading start = jvm.read();
        long began = System.nanoTime();
        sampler.start();
        String failure;
        try {
            failure = action.to(target);
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        long wall = System.nanoTime() - began;
        JvmUsage spent = jvm.read().since(start);
        long afterGcPeak = live.get();
        long size = size(target);
        delete(target);
        List<String> problems = new ArrayList<>();
        if (failure != null) {
            problems.add(name + ": " + failure);
        } else if (size != options.downloadBytes() && !name.endsWith("warm-up")) {
            problems.add(name + ": wrote " + size + " bytes of " + options.downloadBytes());
        }
        if (!problems.isEmpty()) {
            throw new LoadCheckFailed(problems);
        }
        return new DownloadResult(name, size, Duration.ofNanos(wall), idle, Math.max(idle, afterGcPeak), peakUsed.get(), spent);
    }

    /**
     * Peak heap in use (garbage included) every 5 ms; the live heap, by full collections, when a
     * quarter, half and three quarters of the bytes are on disk (the highest of the three).
     */
    private void sample(Path directory, AtomicLong peakUsed, AtomicLong live) {
        long quarter = options.downloadBytes() / 4;
        int samples = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                if (samples < 3 && bytesIn(directory) >= quarter * (samples + 1)) {
                    live.accumulateAndGet(jvm.heapAfterGc(), Math::max);
                    samples++;
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long bytesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(DownloadRun::size).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static String raw(HttpClient http, URI url, Path target) {
        try {
            HttpResponse<Path> answer = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
            return answer.statusCode() == 200 ? null : "HTTP " + answer.statusCode();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String library(VideoJobService service, GeneratedVideo video, Path target) {
        return service.download(video, target).fold(failure -> failure.kind() + ": " + failure.message(), done -> null);
    }

    /** Downloads to {@code target}; answers null on success, else why not. */
    @FunctionalInterface
    private interface Download {
        String to(Path target);
    }
}
