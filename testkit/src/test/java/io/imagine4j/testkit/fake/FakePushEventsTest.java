package io.imagine4j.testkit.fake;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.scenario.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake's push channel: every step pushed, drops lose events and heal, and the service relies on it. */
class FakePushEventsTest {

    static final VideoRequest FOX = VideoRequest.textToVideo("A red fox running through snow");

    final VirtualScheduler time = VirtualScheduler.create();
    final FakeVideoProvider fake = FakeVideoProvider.builder().clock(time)
            .features(ProviderFeature.CANCEL, ProviderFeature.PUSH_EVENTS).build();
    final RecordingPushListener listener = new RecordingPushListener();
    JobEventSource.Subscription subscription;

    @AfterEach
    void close() {
        if (subscription != null) {
            subscription.close();
        }
        fake.close();
    }

    void subscribe() {
        subscription = fake.eventSource().get().subscribe(listener);
    }

    JobId submit() {
        return ((SubmitOutcome.Accepted) fake.submit(Submission.of(SubmissionKey.random(), FOX, fake.capabilities()))).jobId();
    }

    @Test
    void every_step_and_the_end_are_pushed_in_order() {
        subscribe();
        submit();
        fake.advance(Duration.ofSeconds(5));
        assertThat(listener.signals).containsExactly("connected", "RUNNING 10", "RUNNING 35", "RUNNING 65", "RUNNING 90",
                "SUCCEEDED 100");
        assertThat(fake.calls(Call.EVENTS)).isEqualTo(1);
    }

    @Test
    void a_closed_subscription_hears_nothing_more() {
        subscribe();
        submit();
        fake.advance(Duration.ofSeconds(1));
        subscription.close();
        fake.advance(Duration.ofSeconds(5));
        assertThat(listener.signals).containsExactly("connected", "RUNNING 10");
        assertThat(fake.connectedSubscriptions()).isZero();
    }

    @Test
    void a_stream_drop_loses_the_event_it_cut_and_reconnects_after_the_delay() {
        subscribe();
        fake.failNext(Call.EVENTS, new Fault.StreamDrop());
        submit();
        fake.advance(Duration.ofMillis(500)); // the 10 % step at 0.45 s meets the drop
        assertThat(fake.connectedSubscriptions()).isZero();
        fake.advance(Duration.ofSeconds(5));
        assertThat(listener.signals).containsExactly("connected", "disconnected", "connected", "RUNNING 65", "RUNNING 90",
                "SUCCEEDED 100");
        assertThat(listener.drops).singleElement().extracting(f -> f.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(fake.calls(Call.EVENTS)).as("the first connection and the reconnection").isEqualTo(2);
    }

    @Test
    void a_refused_connection_is_retried_until_it_connects() {
        fake.failNext(Call.EVENTS, new Fault.ServerError(503), 2);
        subscribe();
        assertThat(listener.signals).containsExactly("disconnected");
        fake.advance(Duration.ofSeconds(2));
        assertThat(listener.signals).containsExactly("disconnected", "disconnected", "connected");
        assertThat(fake.calls(Call.EVENTS)).isEqualTo(3);
    }

    @Test
    void a_directive_drops_the_stream_at_its_own_jobs_event() {
        subscribe();
        fake.submit(Submission.of(SubmissionKey.random(), VideoRequest.textToVideo("A fox #sim:events-drop"), fake.capabilities()));
        fake.advance(Duration.ofSeconds(5));
        assertThat(listener.signals).startsWith("connected", "disconnected", "connected");
        assertThat(listener.signals).endsWith("SUCCEEDED 100");
    }

    @Test
    void a_cancelled_job_gets_no_more_events() {
        subscribe();
        JobId jobId = submit();
        fake.advance(Duration.ofSeconds(1));
        fake.cancel(jobId);
        fake.advance(Duration.ofSeconds(5));
        assertThat(listener.signals).containsExactly("connected", "RUNNING 10");
    }

    @Test
    void the_service_follows_pushed_events_without_polling() throws Exception {
        List<JobEvent> events = new CopyOnWriteArrayList<>();
        try (VideoJobService jobs = VideoJobService.builder(fake).scheduler(time).listener(events::add).build()) {
            VideoJob job = jobs.submit(FOX);
            assertThat(job.await(Duration.ofMinutes(10)).isRight()).isTrue();
        }
        assertThat(fake.calls(Call.POLL)).as("polls while the stream carried everything").isZero();
        assertThat(events).filteredOn(e -> e instanceof JobEvent.ProgressChanged).hasSize(4);
    }

    @Test
    void the_service_recovers_an_end_lost_in_a_drop_by_polling_while_the_stream_is_down() throws Exception {
        try (VideoJobService jobs = VideoJobService.builder(fake).scheduler(time).build()) {
            // One event only, the end, and the drop cuts it.
            fake.enqueue(Scenario.succeedsAfter(Duration.ofSeconds(2)).withSteps(Step.queued(Duration.ZERO)));
            fake.failNext(Call.EVENTS, new Fault.StreamDrop());
            VideoJob job = jobs.submit(FOX);
            assertThat(job.await(Duration.ofMinutes(10)).isRight()).isTrue();
            assertThat(fake.calls(Call.POLL)).as("polls after the drop").isEqualTo(1);
            time.advance(Duration.ofSeconds(5));
        }
        assertThat(fake.calls(Call.EVENTS)).as("the first connection and the reconnection").isEqualTo(2);
    }

    @Test
    void without_push_events_there_is_no_event_source() {
        try (FakeVideoProvider plain = FakeVideoProvider.create()) {
            assertThat(plain.eventSource().isEmpty()).isTrue();
            assertThat(plain.connectedSubscriptions()).isZero();
        }
    }
}
