package io.imagine4j.benchmarks.load;

import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.time.Backoff;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: the least a hand-written client must do to run the same jobs. Plain
 * {@link HttpClient} (HTTP/1.1 on loopback, like imagine4j's), one POST per job, then GETs on
 * {@code threads} scheduler threads at exactly imagine4j's default poll cadence
 * ({@link ServiceSettings#defaults()}{@code .pollBackoff()}), answers read with a regular
 * expression instead of a JSON parser, no job store, no events, no retries, no state machine.
 * With downloads, results are streamed to a file on {@code threads} more threads, as imagine4j's
 * are.
 */
final class RawHttpClient implements LoadClient {

    private static final Pattern REQUEST_ID = Pattern.compile("\"request_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final URI baseUrl;
    private final String authorization;
    private final HttpClient http;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService downloads;
    private final Path downloadDir;
    private final Backoff polls = ServiceSettings.defaults().pollBackoff();

    RawHttpClient(URI baseUrl, String apiKey, int threads, Path downloadDir) {
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + apiKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        int pool = POOLS.incrementAndGet();
        this.scheduler = new ScheduledThreadPoolExecutor(threads, daemons("raw-http-" + pool + "-"));
        this.downloadDir = downloadDir;
        this.downloads = downloadDir == null ? null : Executors.newFixedThreadPool(threads, daemons("raw-download-" + pool + "-"));
    }

    @Override
    public void submit(int index, String prompt, JobTally tally) {
        scheduler.execute(() -> submitNow(index, prompt, tally));
    }

    private void submitNow(int index, String prompt, JobTally tally) {
        String body = "{\"model\":\"grok-imagine-video\",\"prompt\":\"" + prompt + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/videos/generations")).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher id = REQUEST_ID.matcher(answer.body());
            if (answer.statusCode() != 200 || !id.find()) {
                tally.failed(index, "submit answered HTTP " + answer.statusCode() + ": " + answer.body(), true);
                return;
            }
            tally.accepted(index);
            schedulePoll(index, id.group(1), 0, tally);
        } catch (IOException e) {
            tally.failed(index, "submit failed: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedulePoll(int index, String id, int round, JobTally tally) {
        long delay = polls.delay(round, ThreadLocalRandom.current()::nextDouble).toNanos();
        scheduler.schedule(() -> poll(index, id, round, tally), delay, TimeUnit.NANOSECONDS);
    }

    private void poll(int index, String id, int round, JobTally tally) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/videos/" + id)).timeout(TIMEOUT)
                .header("Authorization", authorization).GET().build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher status = STATUS.matcher(answer.body());
            String value = status.find() ? status.group(1) : "";
            if (answer.statusCode() == 202 || value.equals("pending")) {
                schedulePoll(index, id, round + 1, tally);
            } else if (answer.statusCode() == 200 && value.equals("done")) {
                Matcher url = URL.matcher(answer.body());
                if (!url.find() || url.group(1).isEmpty()) {
                    tally.failed(index, "done without a url: " + answer.body(), false);
                } else if (downloads != null) {
                    downloads.execute(() -> download(index, URI.create(url.group(1)), tally));
                } else {
                    tally.succeeded(index);
                }
            } else {
                tally.failed(index, "poll answered HTTP " + answer.statusCode() + ": " + answer.body(), false);
            }
        } catch (IOException e) {
            tally.failed(index, "poll failed: " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void download(int index, URI url, JobTally tally) {
        // No credential: result URLs are public links on another host in real life.
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<Path> answer = http.send(request, HttpResponse.BodyHandlers.ofFile(downloadDir.resolve("raw-" + index + ".mp4")));
            if (answer.statusCode() == 200) {
                tally.succeeded(index);
            } else {
                tally.failed(index, "download answered HTTP " + answer.statusCode(), false);
            }
        } catch (IOException e) {
            tally.failed(index, "download failed: " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (downloads != null) {
            downloads.shutdownNow();
        }
    }

    static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
