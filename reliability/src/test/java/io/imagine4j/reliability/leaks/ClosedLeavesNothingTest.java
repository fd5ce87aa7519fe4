package io.imagine4j.reliability.leaks;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.reliability.figures.Figures;
import io.imagine4j.reliability.matrix.Lab;
import io.imagine4j.reliability.matrix.Target;
import io.imagine4j.reliability.matrix.Targets;
import io.imagine4j.reliability.support.Await;
import io.imagine4j.store.jdbc.JdbcJobStore;
import io.imagine4j.testkit.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After {@code close()}, nothing of the library is left running or open: for each provider, a
 * service with its adapter and a durable SQLite store runs jobs to their end (downloads, Oxen's
 * event stream included), is closed, and then the JVM is back to the threads and file descriptors
 * it had before. The JDK HTTP client (Java 17 has no {@code close()} on it) lets its selector
 * thread go once the client is unreachable and its last pooled connection is closed: the check
 * collects garbage while it waits, which is what a long-running application's collector does, and
 * the simulators close idle kept-alive connections after 2 s (the module's surefire settings), as a
 * server's idle timeout would, later; until then the thread is the JDK's, holding no job.
 */
@Isolated("counts every thread and file descriptor of the JVM")
class ClosedLeavesNothingTest {

    private static final String SECTION = "leaks after close()";

    @Test
    void closing_the_service_its_adapter_and_its_store_leaves_no_thread_and_no_open_file(@TempDir Path directory)
            throws Exception {
        List<Target> targets = List.of(Targets.xai(), Targets.openAi(), Targets.oxen());
        Set<String> harness = JvmState.threads(); // the simulators' own (their HTTP clients for inputs)
        try {
            round(targets, directory.resolve("warm-up")); // the JDK's own lazily made threads, files and classes, once
            Set<String> threadsBefore = settled(harness);
            int filesBefore = JvmState.openFiles();

            int jobs = round(targets, directory.resolve("measured"));

            Await.until(() -> "the library's threads end and its files close; new threads: " + JvmState.newThreads(threadsBefore)
                    + ", files " + JvmState.openFiles() + " (before: " + filesBefore + ")", Duration.ofSeconds(30), System::gc,
                    () -> JvmState.newThreads(threadsBefore).isEmpty() && JvmState.openFiles() <= filesBefore);
            assertThat(JvmState.newThreads(threadsBefore)).isEmpty();
            Figures.set(SECTION, "providers closed, each with its service and SQLite store", targets.size());
            Figures.set(SECTION, "jobs run to their end before closing", jobs);
            Figures.set(SECTION, "library threads left", JvmState.newThreads(threadsBefore).size());
            Figures.set(SECTION, "file descriptors left open (after minus before, 0 or less)",
                    Math.max(0, JvmState.openFiles() - filesBefore));
        } finally {
            targets.forEach(Target::close);
        }
    }

    /** One job per provider, downloaded, on a fresh adapter, service and store; everything closed. */
    private static int round(List<Target> targets, Path directory) throws Exception {
        int jobs = 0;
        for (Target target : targets) {
            target.simulator().reset();
            target.simulator().enqueue(Scenario.succeedsAfter(Duration.ofMillis(100)));
            VideoProvider provider = target.provider(target.simulator().baseUrl(), Target.Wire.standard());
            try (JdbcJobStore store = JdbcJobStore.sqlite(directory.resolve(target.name()));
                 VideoJobService service = VideoJobService.builder(provider).store(store).settings(Lab.QUICK).build()) {
                GeneratedVideo video = service.submit(target.request("")).await(Duration.ofSeconds(30)).get();
                assertThat(service.download(video, directory.resolve(target.name() + ".mp4")).isRight()).isTrue();
                jobs++;
            } finally {
                provider.close();
            }
        }
        return jobs;
    }

    /** The threads once the warm-up's clients are collected and their threads gone: the harness's again. */
    private static Set<String> settled(Set<String> harness) {
        Await.until(() -> "the warm-up's threads end; new threads: " + JvmState.newThreads(harness), Duration.ofSeconds(30),
                System::gc, () -> JvmState.newThreads(harness).isEmpty());
        return JvmState.threads();
    }
}
