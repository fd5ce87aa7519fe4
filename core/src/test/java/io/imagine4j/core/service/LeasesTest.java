package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.Lease;
import io.imagine4j.core.store.InMemoryJobStore;
import io.imagine4j.core.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances on one store: each unfinished job is followed by the instance holding its
 * lease; a closed instance gives its jobs up at once, a dead one when its leases lapse.
 */
class LeasesTest {

    final InMemoryJobStore store = new InMemoryJobStore();
    final VirtualScheduler timeA = VirtualScheduler.create();
    final VirtualScheduler timeB = VirtualScheduler.create();
    final ScriptedProvider provider = new ScriptedProvider(timeB);
    final ServiceSettings shared = VideoJobServiceTest.exact().withLeaseDuration(Duration.ofSeconds(30))
            .withTakeoverEvery(Duration.ofSeconds(10));

    VideoJobService instance(String name, VirtualScheduler time, List<JobEvent> events) {
        return VideoJobService.builder(provider).scheduler(time).store(store).settings(shared).instance(name)
                .listener(events::add).build();
    }

    @Test
    void a_closed_instance_gives_its_jobs_up_and_another_resumes_them_at_once() throws InterruptedException {
        provider.processing = Duration.ofMinutes(2);
        VideoJobService a = instance("a", timeA, new CopyOnWriteArrayList<>());
        VideoJob job = a.submit(VideoRequest.textToVideo("A fox"));
        timeA.runDue();
        try (VideoJobService b = instance("b", timeB, new CopyOnWriteArrayList<>())) {
            assertThat(b.resume()).as("a job held by a live instance").isEmpty();
            a.close();
            List<VideoJob> resumed = b.resume();
            assertThat(resumed).extracting(VideoJob::key).containsExactly(job.key());
            assertThat(resumed.get(0).await(Duration.ofMinutes(5)).isRight()).isTrue();
        }
        assertThat(provider.submitted()).as("one submit, never repeated").hasSize(1);
    }

    @Test
    void the_jobs_of_an_instance_that_died_are_taken_over_once_its_leases_lapse() throws InterruptedException {
        provider.processing = Duration.ofMinutes(2);
        VideoJobService dead = instance("dead", timeA, new CopyOnWriteArrayList<>());
        VideoJob job = dead.submit(VideoRequest.textToVideo("A fox"));
        timeA.runDue(); // the submit went out; then instance "dead" stops: its clock never moves again
        List<JobEvent> events = new CopyOnWriteArrayList<>();
        try (VideoJobService b = instance("b", timeB, events)) {
            timeB.advance(Duration.ofSeconds(20));
            assertThat(events).as("within the lease").isEmpty();
            timeB.advance(Duration.ofSeconds(20));
            assertThat(events).filteredOn(JobEvent.Resumed.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(e.job().key()).isEqualTo(job.key()));
            timeB.advance(Duration.ofMinutes(3));
            assertThat(b.find(job.key()).get().status().isTerminal()).isTrue();
        }
        assertThat(provider.submitted()).hasSize(1);
        assertThat(store.find(job.key()).get().state().result()).isNotEmpty();
    }

    @Test
    void an_instance_whose_lease_was_taken_hands_the_job_over_and_stops_polling() {
        provider.processing = Duration.ofMinutes(10);
        List<JobEvent> aEvents = new CopyOnWriteArrayList<>();
        try (VideoJobService a = instance("a", timeA, aEvents);
             VideoJobService b = instance("b", timeB, new CopyOnWriteArrayList<>())) {
            VideoJob job = a.submit(VideoRequest.textToVideo("A fox"));
            timeA.runDue();
            timeB.advance(Duration.ofSeconds(40)); // a stalled past its lease: b claims the job
            assertThat(b.find(job.key()).isDefined()).isTrue();
            timeA.advance(Duration.ofSeconds(10)); // a wakes, renews, learns it lost the job
            assertThat(aEvents).filteredOn(JobEvent.HandedOver.class::isInstance).hasSize(1);
            assertThat(a.inFlight()).isZero();
            int polls = provider.polls();
            // Only a's clock moves, and stays within b's lease: b polls nothing meanwhile, and a must not either.
            timeA.advance(Duration.ofSeconds(45));
            assertThat(provider.polls()).as("a polls no more: %s", aEvents).isEqualTo(polls);
        }
    }

    @Test
    void a_submit_in_flight_when_its_instance_died_ends_as_outcome_unknown_and_is_never_sent_again()
            throws InterruptedException {
        JobRecord interrupted = JobRecord.beforeSubmit(SubmissionKey.random(), ScriptedProvider.NAME,
                VideoRequest.textToVideo("A fox"), timeB.now());
        store.save(interrupted, new Lease("dead", timeB.now().plusSeconds(30)));
        try (VideoJobService b = instance("b", timeB, new CopyOnWriteArrayList<>())) {
            assertThat(b.resume()).isEmpty();
            timeB.advance(Duration.ofSeconds(40));
            VideoJob job = b.find(interrupted.key()).get();
            assertThat(job.await(Duration.ofSeconds(1)).getLeft().kind()).isEqualTo(FailureKind.SUBMISSION_OUTCOME_UNKNOWN);
            assertThat(job.state().failure().get().message()).contains(interrupted.key().value());
        }
        assertThat(provider.submitted()).isEmpty();
    }

    @Test
    void find_follows_a_stored_job_only_when_no_other_live_instance_holds_it() throws InterruptedException {
        provider.processing = Duration.ofMinutes(2);
        VideoJobService a = instance("a", timeA, new CopyOnWriteArrayList<>());
        VideoJob job = a.submit(VideoRequest.textToVideo("A fox"));
        timeA.runDue();
        try (VideoJobService b = instance("b", timeB, new CopyOnWriteArrayList<>())) {
            VideoJob seen = b.find(job.key()).get();
            assertThat(b.inFlight()).as("held by a: shown, not followed").isZero();
            int polls = provider.polls();
            timeB.advance(Duration.ofSeconds(20));
            assertThat(provider.polls()).as("b polls nothing of a's").isEqualTo(polls);
            assertThat(seen.status()).isEqualTo(job.status());
            a.close();
            VideoJob followed = b.find(job.key()).get();
            assertThat(b.inFlight()).as("given up by a: followed by b").isEqualTo(1);
            assertThat(followed.await(Duration.ofMinutes(5)).isRight()).isTrue();
        }
        assertThat(provider.submitted()).hasSize(1);
    }
}
