package io.imagine4j.reliability.leaks;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.store.InMemoryJobStore;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.micrometer.JobMeters;
import io.imagine4j.reliability.figures.Figures;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 jobs submitted and awaited leave the heap where it was: the service (with job meters
 * listening) keeps nothing of a finished job once its store has let it go. On the fake provider
 * and a virtual clock, so the run takes seconds; the store keeps the last 100 finished jobs, as an
 * application pruning its store would. The figures: the used heap after full collections, before
 * and after, and the difference.
 */
@Isolated("measures the whole heap")
class HeapAfterManyJobsTest {

    private static final String SECTION = "heap after 10,000 jobs";
    private static final int JOBS = 10_000;
    /** What a run may leave behind: class metadata, JIT and allocator noise of a few MiB; 10,000 kept jobs would be far more. */
    private static final long TOLERANCE = 4L * 1024 * 1024;

    @Test
    void ten_thousand_jobs_leave_the_heap_at_its_starting_level() throws InterruptedException {
        VirtualScheduler clock = VirtualScheduler.create();
        FakeVideoProvider fake = FakeVideoProvider.on(clock);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (VideoJobService jobs = VideoJobService.builder(fake).scheduler(clock).store(new InMemoryJobStore(100))
                .settings(ServiceSettings.defaults()).listener(JobMeters.on(registry)).build()) {
            run(jobs, fake, clock, 1_000); // warm-up: classes, JIT, pools
            long before = JvmState.heapAfterGc();

            int succeeded = run(jobs, fake, clock, JOBS);

            long after = JvmState.heapAfterGc();
            assertThat(succeeded).isEqualTo(JOBS);
            assertThat(jobs.inFlight()).isZero();
            Figures.set(SECTION, "jobs submitted and awaited", JOBS);
            Figures.measured().is(SECTION, "used heap before, KiB", before / 1024);
            Figures.measured().is(SECTION, "used heap after, KiB", after / 1024);
            Figures.set(SECTION, "tolerance, KiB", TOLERANCE / 1024);
            assertThat(after - before).as("heap growth after %s jobs, bytes", JOBS).isLessThan(TOLERANCE);
        }
    }

    /** Submits {@code count} jobs, moves the virtual clock until all end, awaits each; answers how many succeeded. */
    private static int run(VideoJobService jobs, FakeVideoProvider fake, VirtualScheduler clock, int count)
            throws InterruptedException {
        List<VideoJob> submitted = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            submitted.add(jobs.submit(VideoRequest.textToVideo("A fox, take " + i)));
        }
        while (jobs.inFlight() > 0) {
            clock.advance(Duration.ofSeconds(1));
        }
        int succeeded = 0;
        for (VideoJob job : submitted) {
            Either<?, GeneratedVideo> outcome = job.await(Duration.ZERO);
            succeeded += outcome.isRight() ? 1 : 0;
        }
        submitted.clear();
        fake.reset(); // the fake backend's own journal and jobs are the test's, not the library's
        return succeeded;
    }
}
