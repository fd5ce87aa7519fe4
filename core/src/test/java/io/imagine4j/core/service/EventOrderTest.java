package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.time.SystemScheduler;
import io.imagine4j.core.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener given at submit sees every event of its job exactly once and in order, from
 * {@code Created} on, however fast the job ends. Before, {@code Created} (and for a fast refusal
 * even {@code Finished}) fired before {@code onEvent} could be called, and nothing was replayed.
 */
class EventOrderTest {

    @Test
    void a_listener_given_at_submit_sees_created_then_finished_even_when_the_refusal_beats_the_caller()
            throws InterruptedException {
        int submits = 200;
        try (SystemScheduler threads = SystemScheduler.withThreads(4)) {
            ScriptedProvider provider = new ScriptedProvider(threads);
            for (int i = 0; i < submits; i++) {
                provider.refuseNextSubmit(JobFailure.of(FailureKind.INVALID_REQUEST, "refused", "Refused at once."));
            }
            Map<VideoJob, List<JobEvent>> seen = new ConcurrentHashMap<>();
            try (VideoJobService jobs = VideoJobService.builder(provider).scheduler(threads).build()) {
                for (int i = 0; i < submits; i++) {
                    List<JobEvent> own = new CopyOnWriteArrayList<>();
                    VideoJob job = jobs.submit(VideoRequest.textToVideo("A fox " + i), own::add);
                    seen.put(job, own);
                }
                for (VideoJob job : seen.keySet()) {
                    assertThat(job.await(Duration.ofSeconds(10)).getLeft().code()).isEqualTo("refused");
                }
            }
            seen.forEach((job, events) -> assertThat(events).as("the events of %s", job)
                    .extracting(e -> e.getClass().getSimpleName()).containsExactly("Created", "Finished"));
        }
    }

    @Test
    void every_event_reaches_the_listener_given_at_submit_exactly_once_and_in_order() throws InterruptedException {
        VirtualScheduler time = VirtualScheduler.create();
        ScriptedProvider provider = new ScriptedProvider(time);
        List<JobEvent> all = new CopyOnWriteArrayList<>();
        List<JobEvent> own = new CopyOnWriteArrayList<>();
        try (VideoJobService jobs = VideoJobService.builder(provider).scheduler(time)
                .settings(VideoJobServiceTest.exact()).listener(all::add).build()) {
            VideoJob job = jobs.submit(VideoRequest.textToVideo("A fox"), own::add);
            assertThat(job.await(Duration.ofMinutes(1)).isRight()).isTrue();
        }
        assertThat(own).as("the job's own listener sees what the service's listener sees").isEqualTo(all);
        assertThat(own).as("each event once").doesNotHaveDuplicates();
        assertThat(own).extracting(e -> e.getClass().getSimpleName())
                .filteredOn(name -> !name.equals("ProgressChanged")).containsExactly("Created", "Accepted", "StatusChanged", "Finished");
        assertThat(own).extracting(JobEvent::at).isSorted();
    }
}
