package io.imagine4j.benchmarks.load;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A baseline: the least a hand-written client must do to run the same jobs. Plain
 * {@link HttpClient} (HTTP/1.1 on loopback, like imagine4j's), one submit per job, then polls on
 * {@code threads} scheduler threads at a {@link PollCadence} (a fixed interval for the docs' loop,
 * imagine4j's own schedule for baseline (b)), answers read with regular expressions
 * ({@link RawWire}), no job store, no events, no retries, no state machine. With downloads,
 * results are streamed to a file on {@code threads} more threads, as imagine4j's are.
 *
 * <p>The providers' docs write the loop as {@code while (!done) { Thread.sleep(5000); poll(); }},
 * a blocked thread per job; here it shares a scheduler like the other clients, so that threads and
 * CPU compare and only the cadence differs.
 */
final class RawHttpClient implements LoadClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final URI baseUrl;
    private final String authorization;
    private final RawWire wire;
    private final PollCadence cadence;
    private final HttpClient http;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService downloads;
    private final Path downloadDir;

    RawHttpClient(URI baseUrl, String apiKey, RawWire wire, PollCadence cadence, int threads, Path downloadDir) {
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + apiKey;
        this.wire = wire;
        this.cadence = cadence;
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
        HttpRequest request = wire.submit(baseUrl, prompt).timeout(TIMEOUT).header("Authorization", authorization).build();
        // The schedule's clock starts when the submit is sent, as imagine4j's does (PollSchedule.restart).
        long sent = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            String id = wire.acceptedId(answer).orElse(null);
            if (id == null) {
                tally.failed(index, "submit answered HTTP " + answer.statusCode() + ": " + answer.body(), true);
                return;
            }
            tally.accepted(index);
            PollCadence.JobCadence job = cadence.forJob(sent);
            schedulePoll(index, id, job, job.first(wire.initial(answer), System.nanoTime()), tally);
        } catch (IOException e) {
            tally.failed(index, "submit failed: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedulePoll(int index, String id, PollCadence.JobCadence job, Duration wait, JobTally tally) {
        scheduler.schedule(() -> poll(index, id, job, tally), wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void poll(int index, String id, PollCadence.JobCadence job, JobTally tally) {
        HttpRequest request = wire.poll(baseUrl, id).timeout(TIMEOUT).header("Authorization", authorization).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            PollAnswer read = wire.read(answer);
            if (read instanceof PollAnswer.Pending pending) {
                schedulePoll(index, id, job, job.next(pending, System.nanoTime()), tally);
            } else if (read instanceof PollAnswer.Done done) {
                if (downloads != null) {
                    downloads.execute(() -> download(index, id, done, tally));
                } else {
                    tally.succeeded(index);
                }
            } else {
                tally.failed(index, ((PollAnswer.Failed) read).why(), false);
            }
        } catch (IOException e) {
            tally.failed(index, "poll failed: " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void download(int index, String id, PollAnswer.Done done, JobTally tally) {
        HttpRequest.Builder request = wire.download(baseUrl, id, done).timeout(TIMEOUT);
        if (wire.downloadNeedsKey()) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<Path> answer = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofFile(downloadDir.resolve("raw-" + index + ".mp4")));
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
