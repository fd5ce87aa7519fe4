package io.imagine4j.benchmarks.load;

import io.imagine4j.core.job.JobFailedException;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.openai.OpenAiVideos;
import io.imagine4j.oxen.OxenHub;
import io.imagine4j.xai.XaiVideo;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jobs through imagine4j as an application would run them: {@code service.submit}, then the
 * job's {@link VideoJob#accepted()} and {@link VideoJob#result()} futures. On a simulator, the
 * provider's adapter on its base URL and a {@link VideoJobService} with the given settings (the
 * defaults, poll waits divided by the run's time scale), its in-memory job store, on a scheduler
 * of {@code threads} threads; with downloads, results are fetched with {@code service.download}
 * on {@code threads} more threads.
 */
final class Imagine4jClient implements LoadClient {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final VideoProvider provider;
    private final VideoJobService service;
    private final ExecutorService downloads;
    private final Path downloadDir;

    private Imagine4jClient(VideoProvider provider, VideoJobService service, int downloadThreads, Path downloadDir) {
        this.provider = provider;
        this.service = service;
        this.downloadDir = downloadDir;
        this.downloads = downloadDir == null ? null : Executors.newFixedThreadPool(downloadThreads,
                RawHttpClient.daemons("imagine4j-download-" + POOLS.incrementAndGet() + "-"));
    }

    /** The adapter of {@code api} on {@code baseUrl}; downloads into {@code downloadDir} unless null. */
    static Imagine4jClient on(Provider api, URI baseUrl, String apiKey, ServiceSettings settings, int threads, Path downloadDir) {
        VideoProvider provider = adapter(api, baseUrl, apiKey);
        VideoJobService service = VideoJobService.builder(provider).threads(threads).settings(settings).build();
        return new Imagine4jClient(provider, service, threads, downloadDir);
    }

    /** The adapter of {@code api} on {@code baseUrl}, as an application builds it. */
    static VideoProvider adapter(Provider api, URI baseUrl, String apiKey) {
        return switch (api) {
            case XAI -> XaiVideo.builder().apiKey(apiKey).baseUrl(baseUrl).build();
            case OPENAI -> OpenAiVideos.builder().apiKey(apiKey).baseUrl(baseUrl).build();
            case OXEN -> OxenHub.builder().apiKey(apiKey).baseUrl(baseUrl).build();
        };
    }

    /** A service built by the caller on {@code provider}; no downloads. */
    static Imagine4jClient on(VideoProvider provider, VideoJobService service) {
        return new Imagine4jClient(provider, service, 0, null);
    }

    @Override
    public void submit(int index, String prompt, JobTally tally) {
        VideoJob job = service.submit(VideoRequest.textToVideo(prompt));
        job.accepted().thenRun(() -> tally.accepted(index));
        job.result().whenComplete((video, error) -> {
            if (error != null) {
                tally.failed(index, describe(error), job.jobId().isEmpty());
            } else if (downloads != null) {
                downloads.execute(() -> download(index, video, tally));
            } else {
                tally.succeeded(index);
            }
        });
    }

    private void download(int index, GeneratedVideo video, JobTally tally) {
        service.download(video, downloadDir.resolve("imagine4j-" + index + ".mp4"))
                .peek(done -> tally.succeeded(index))
                .peekLeft(failure -> tally.failed(index, failure.kind() + ": " + failure.message(), false));
    }

    @Override
    public void close() {
        service.close();
        provider.close();
        if (downloads != null) {
            downloads.shutdownNow();
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof JobFailedException failed) {
            return failed.failure().kind() + ": " + failed.failure().message();
        }
        return cause.toString();
    }
}
