package io.imagine4j.store.jdbc.kill;

import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.store.jdbc.JdbcJobStore;
import io.imagine4j.xai.XaiVideo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of the kill tests: a service instance on the xAI simulator and a JDBC store.
 * It resumes what it may, submits its jobs, reports on stdout, and runs until stdin says
 * {@code stop} or closes (or until the parent kills it).
 *
 * <pre>
 * java -cp … JobsProcess store=sqlite:/tmp/dir xai=http://127.0.0.1:PORT/v1 instance=a submit=100 prefix=A lease=3s
 *      [takeover=500ms] [events=/tmp/a.events]
 * </pre>
 *
 * Lines on stdout: {@code RESUMED n}, {@code ACCEPTED n}, {@code POLLED n} (each of its own jobs
 * polled at least once), {@code CLAIMED n} (jobs taken over), {@code FINISHED key status},
 * {@code CLOSED}; {@code FAILED reason} when something went wrong.
 */
public final class JobsProcess {

    private JobsProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        String instance = options.get("instance");
        Duration lease = duration(options.get("lease"));
        EventLog log = options.containsKey("events") ? EventLog.appendingTo(Path.of(options.get("events"))) : null;
        Set<JobId> polled = ConcurrentHashMap.newKeySet();
        Map<JobId, CountDownLatch> firstPolls = new ConcurrentHashMap<>();

        VideoProvider xai = XaiVideo.builder().apiKey("kill-test-key").baseUrl(options.get("xai")).build();
        VideoProvider provider = log == null ? xai : new RecordingProvider(xai, log, instance, id -> {
            if (polled.add(id)) {
                firstPolls.computeIfAbsent(id, any -> new CountDownLatch(1)).countDown();
            }
        });
        JdbcJobStore jdbc = store(options.get("store"));
        JobStore store = log == null ? jdbc : new RecordingStore(jdbc, log, instance, lease, count -> say("CLAIMED " + count));

        ServiceSettings settings = ServiceSettings.defaults().withLeaseDuration(lease).withProgressAwarePolling(false)
                .withPollBackoff(Backoff.of(Duration.ofMillis(200), 1.5, Duration.ofSeconds(1), 0.2));
        if (options.containsKey("takeover")) {
            settings = settings.withTakeoverEvery(duration(options.get("takeover")));
        }
        VideoJobService jobs = VideoJobService.builder(provider).store(store).settings(settings).instance(instance)
                .listener(event -> {
                    if (event instanceof JobEvent.Finished finished) {
                        say("FINISHED " + finished.job().key() + " " + finished.state().status());
                    }
                }).build();

        say("RESUMED " + jobs.resume().size());
        int count = Integer.parseInt(options.getOrDefault("submit", "0"));
        List<VideoJob> submitted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            submitted.add(jobs.submit(VideoRequest.textToVideo(options.get("prefix") + " job " + i + " #sim:time=4s")));
        }
        List<JobId> ids = new ArrayList<>();
        for (VideoJob job : submitted) {
            var accepted = job.awaitAccepted(Duration.ofSeconds(60));
            if (accepted.isLeft()) {
                say("FAILED " + accepted.getLeft());
                System.exit(2);
            }
            ids.add(accepted.get());
        }
        say("ACCEPTED " + ids.size());
        if (log != null && !ids.isEmpty()) {
            for (JobId id : ids) {
                firstPolls.computeIfAbsent(id, any -> new CountDownLatch(polled.contains(id) ? 0 : 1))
                        .await(60, TimeUnit.SECONDS);
            }
            say("POLLED " + ids.size());
        }

        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
                // wait for the parent
            }
        }
        jobs.close();
        jdbc.close();
        xai.close();
        if (log != null) {
            log.close();
        }
        say("CLOSED");
    }

    private static JdbcJobStore store(String spec) {
        if (spec.startsWith("sqlite:")) {
            return JdbcJobStore.sqlite(Path.of(spec.substring("sqlite:".length())));
        }
        return JdbcJobStore.connect(spec.substring("postgres:".length()), "postgres", "");
    }

    private static Duration duration(String text) {
        return text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                : Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
