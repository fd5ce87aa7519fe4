package io.imagine4j.benchmarks.load;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.OpenAIException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Baseline (c): what a user would pick instead of imagine4j for OpenAI's videos API, the official
 * {@code com.openai:openai-java} SDK (OkHttp, Jackson, Kotlin). Its Java videos API has no poll
 * helper, so the jobs run the way its README shows: {@code videos().create(params)}, then
 * {@code videos().retrieve(id)} until the status is final, waiting between retrieves for the
 * server's {@code openai-poll-after-ms} hint (1 s when absent), as the poll helpers of OpenAI's
 * other SDKs do. The blocking client is called from a scheduler of {@code threads} threads, like
 * the raw baselines; results are downloaded with {@code videos().downloadContent(id)}.
 */
final class OpenAiSdkClient implements LoadClient {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final String POLL_AFTER = "openai-poll-after-ms";

    private final OpenAIClient client;
    private final Duration fallback;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService downloads;
    private final Path downloadDir;

    OpenAiSdkClient(URI baseUrl, String apiKey, Duration fallback, int threads, Path downloadDir) {
        this.client = OpenAIOkHttpClient.builder().apiKey(apiKey).baseUrl(baseUrl.toString()).build();
        this.fallback = fallback;
        int pool = POOLS.incrementAndGet();
        this.scheduler = new ScheduledThreadPoolExecutor(threads, RawHttpClient.daemons("openai-java-" + pool + "-"));
        this.downloadDir = downloadDir;
        this.downloads = downloadDir == null ? null
                : Executors.newFixedThreadPool(threads, RawHttpClient.daemons("openai-java-download-" + pool + "-"));
    }

    @Override
    public void submit(int index, String prompt, JobTally tally) {
        scheduler.execute(() -> create(index, prompt, tally));
    }

    private void create(int index, String prompt, JobTally tally) {
        VideoCreateParams params = VideoCreateParams.builder().model("sora-2").prompt(prompt).seconds(VideoSeconds._4).build();
        Video video;
        try {
            video = client.videos().create(params);
        } catch (OpenAIException e) {
            tally.failed(index, "create failed: " + e, true);
            return;
        }
        tally.accepted(index);
        schedule(index, video.id(), fallback, tally);
    }

    private void schedule(int index, String id, Duration wait, JobTally tally) {
        scheduler.schedule(() -> retrieve(index, id, tally), wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void retrieve(int index, String id, JobTally tally) {
        try (HttpResponseFor<Video> answer = client.videos().withRawResponse().retrieve(id)) {
            Video video = answer.parse();
            Video.Status status = video.status();
            if (status.equals(Video.Status.COMPLETED)) {
                if (downloads != null) {
                    downloads.execute(() -> download(index, id, tally));
                } else {
                    tally.succeeded(index);
                }
            } else if (status.equals(Video.Status.QUEUED) || status.equals(Video.Status.IN_PROGRESS)) {
                List<String> hint = answer.headers().values(POLL_AFTER);
                schedule(index, id, hint.isEmpty() ? fallback : Duration.ofMillis(Long.parseLong(hint.get(0).trim())), tally);
            } else {
                tally.failed(index, "the video is " + status + ": " + video.error(), false);
            }
        } catch (OpenAIException | NumberFormatException e) {
            tally.failed(index, "retrieve failed: " + e, false);
        }
    }

    private void download(int index, String id, JobTally tally) {
        try (HttpResponse content = client.videos().downloadContent(id); InputStream body = content.body()) {
            Files.copy(body, downloadDir.resolve("openai-java-" + index + ".mp4"), StandardCopyOption.REPLACE_EXISTING);
            tally.succeeded(index);
        } catch (OpenAIException | IOException e) {
            tally.failed(index, "download failed: " + e, false);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (downloads != null) {
            downloads.shutdownNow();
        }
        client.close();
    }
}
