package io.imagine4j.oxen;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.PushListener;
import io.imagine4j.testkit.scenario.Call;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs end by Oxen's completion events while the stream is healthy, with no poll at all; when the
 * stream drops, polling takes over, and after every reconnect each open job is checked once, since
 * events sent meanwhile are lost.
 */
class PushCompletionTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void a_job_ends_by_its_completion_event_with_no_poll_at_all() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            // No built-in model makes text-to-video: the service discovers one, and Oxen's default is chosen by its inputs.
            VideoJob job = hub.jobs.submit(VideoRequest.textToVideo("A red fox in fresh snow").with(o -> o.withDurationSeconds(3)));
            JobId id = job.awaitAccepted(WAIT).get();
            hub.oxen.advance(Duration.ofSeconds(3));

            GeneratedVideo video = job.await(WAIT).get();
            assertThat(video.location()).hasToString(hub.oxen.rootUrl() + "/results/oxen-video-" + id.value() + ".mp4");
            assertThat(hub.polls()).as("polls while the stream was healthy").isZero();
            assertThat(hub.oxen.job(id.value()).get().params().model().id()).isEqualTo("xai-grok-imagine-video");
            assertThat(hub.events().connections()).isEqualTo(1);
        }
    }

    @Test
    void an_event_missed_while_the_stream_was_down_is_found_by_polling_and_the_recheck() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            // This job's completion event cuts the stream instead of arriving.
            VideoJob job = hub.jobs.submit(edit("Make it snow #sim:events-drop"));
            JobId id = job.awaitAccepted(WAIT).get();
            hub.oxen.advance(Duration.ofSeconds(3));

            assertThat(job.await(WAIT).isRight()).isTrue();
            assertThat(hub.pollsOf(id.value())).as("polls of the job whose event was lost").isNotEmpty();
            SimulatedHub.await("the stream to reconnect", () -> hub.events().connections() >= 2 && hub.events().isConnected());
        }
    }

    @Test
    void a_stream_dropped_mid_job_reconnects_and_the_running_job_ends_by_the_new_connections_event() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            Set<JobId> pushed = ConcurrentHashMap.newKeySet();
            try (JobEventSource.Subscription ignored = hub.events().subscribe(recording(pushed))) {
                VideoJob running = hub.jobs.submit(edit("A long one #sim:time=10s"));
                VideoJob dropper = hub.jobs.submit(edit("A short one #sim:time=2s,events-drop"));
                JobId runningId = running.awaitAccepted(WAIT).get();
                JobId dropperId = dropper.awaitAccepted(WAIT).get();

                hub.oxen.advance(Duration.ofSeconds(2)); // the short job's end cuts the stream
                assertThat(dropper.await(WAIT).isRight()).as("the job whose event was lost, found by polling").isTrue();
                SimulatedHub.await("the stream to reconnect", () -> hub.events().connections() >= 2 && hub.events().isConnected());
                assertThat(running.state().status().isTerminal()).isFalse();

                hub.oxen.advance(Duration.ofSeconds(8));
                assertThat(running.await(WAIT).isRight()).isTrue();
                SimulatedHub.await("the running job's end over the new connection", () -> pushed.contains(runningId));
                assertThat(pushed).doesNotContain(dropperId);
                assertThat(hub.oxen.journal().entries(entry -> entry.call() == Call.EVENTS)).hasSize(2);
            }
        }
    }

    @Test
    void an_event_for_a_job_the_service_does_not_follow_is_ignored() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            Set<JobId> pushed = ConcurrentHashMap.newKeySet();
            try (JobEventSource.Subscription ignored = hub.events().subscribe(recording(pushed))) {
                String foreign = new RawOxen(hub.oxen).enqueue(
                        "{\"model\":\"xai-grok-imagine-video\",\"prompt\":\"Someone else's fox\",\"duration\":2}");
                VideoJob ours = hub.jobs.submit(edit("Make it snow"));
                ours.awaitAccepted(WAIT).get();
                hub.oxen.advance(Duration.ofSeconds(3));

                assertThat(ours.await(WAIT).isRight()).isTrue();
                SimulatedHub.await("the other job's event", () -> pushed.contains(JobId.of("oxen", foreign)));
                assertThat(hub.jobs.find(JobId.of("oxen", foreign))).isEmpty();
                assertThat(hub.jobs.inFlight()).isZero();
                assertThat(hub.polls()).isZero();
            }
        }
    }

    @Test
    void several_generations_from_one_enqueue_are_jobs_of_their_own_ended_by_push() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoJob first = hub.jobs.submit(VideoRequest.textToVideo("Three foxes").with(o -> o.withGenerations(3).withSeed(42)));
            List<VideoJob> generations = first.generations();
            assertThat(generations).hasSize(3);
            List<JobId> ids = new ArrayList<>();
            for (VideoJob generation : generations) {
                ids.add(generation.awaitAccepted(WAIT).get());
            }
            assertThat(ids).doesNotHaveDuplicates();
            hub.oxen.advance(Duration.ofSeconds(3));

            assertThat(first.awaitAll(WAIT)).hasSize(3).allMatch(Either::isRight);
            assertThat(hub.oxen.calls(Call.SUBMIT)).isEqualTo(1);
            assertThat(hub.oxen.jobs()).hasSize(3);
            assertThat(hub.oxen.jobs().get(0).params().params()).contains("\"seed\":42");
            assertThat(hub.polls()).isZero();
        }
    }

    /** The acceptance test of push: a hundred jobs at once, all ended by events while the stream stays healthy. */
    @Test
    void a_hundred_concurrent_jobs_complete_through_push_with_no_poll() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            List<VideoJob> jobs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                jobs.add(hub.jobs.submit(VideoRequest.textToVideo("Fox number " + i).with(o -> o.withDurationSeconds(1))));
            }
            for (VideoJob job : jobs) {
                assertThat(job.awaitAccepted(WAIT).isRight()).isTrue();
            }
            hub.oxen.advance(Duration.ofSeconds(3));

            for (VideoJob job : jobs) {
                assertThat(job.await(WAIT).isRight()).as("%s", job).isTrue();
            }
            assertThat(hub.oxen.calls(Call.SUBMIT)).isEqualTo(100);
            assertThat(hub.polls()).as("polls of 100 jobs while the stream was healthy").isZero();
            assertThat(hub.events().connections()).as("connections to /events").isEqualTo(1);
            assertThat(hub.jobs.inFlight()).isZero();
        }
    }

    static VideoRequest edit(String prompt) {
        return VideoRequest.edit(prompt, MediaSource.url("https://cdn.example/clip.mp4"));
    }

    private static PushListener recording(Set<JobId> pushed) {
        return new PushListener() {
            @Override
            public void onConnected() {
                // the service re-checks; this listener only records what is pushed
            }

            @Override
            public void onUpdate(JobId jobId, JobUpdate update) {
                pushed.add(jobId);
            }

            @Override
            public void onDisconnected(JobFailure reason) {
                // reconnecting is the source's business
            }
        };
    }
}
