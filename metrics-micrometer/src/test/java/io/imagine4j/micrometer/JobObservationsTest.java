package io.imagine4j.micrometer;

import io.imagine4j.core.job.JobFailedException;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.scenario.Step;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Each job an observation, fed by the core's own service on a virtual clock. */
class JobObservationsTest {

    private static final String PROMPT = "A red fox running through snow";

    private final Recording recorded = new Recording();
    private final ObservationRegistry registry = ObservationRegistry.create();
    private final JobObservations observations = JobObservations.on(registry);
    private final VirtualScheduler time = VirtualScheduler.create();

    JobObservationsTest() {
        registry.observationConfig().observationHandler(recorded);
    }

    @Test
    void a_job_is_an_observation_with_its_submit_and_polls_as_children_and_its_changes_as_events() throws Exception {
        FakeVideoProvider fake = FakeVideoProvider.on(time);
        fake.enqueue(Scenario.succeedsAfter(Duration.ofSeconds(30)).withSteps(Step.queued(Duration.ZERO),
                Step.running(Duration.ofSeconds(5), 20), Step.running(Duration.ofSeconds(15), 60)));
        try (VideoJobService jobs = service(fake)) {
            jobs.submit(VideoRequest.textToVideo(PROMPT)).await(Duration.ofMinutes(10));
        }
        Observation.Context job = recorded.only(JobObservations.JOB);
        assertThat(low(job)).containsExactlyInAnyOrderEntriesOf(Map.of("provider", "fake", "kind", "text-to-video",
                "outcome", "succeeded"));
        assertThat(job.getHighCardinalityKeyValue(JobObservations.JOB_ID).getValue()).startsWith("job-");
        assertThat(recorded.eventNames(job)).startsWith("created", "accepted").contains("status", "progress");

        Observation.Context submit = recorded.only(JobObservations.SUBMIT);
        assertThat(submit.getParentObservation().getContextView()).isSameAs(job);
        assertThat(low(submit)).containsEntry("outcome", "accepted").containsEntry("kind", "text-to-video");
        List<Observation.Context> polls = recorded.named(JobObservations.POLL);
        assertThat(polls).isNotEmpty().allSatisfy(poll -> assertThat(poll.getParentObservation().getContextView()).isSameAs(job));
        assertThat(low(polls.get(polls.size() - 1))).containsEntry("outcome", "succeeded");
        assertThat(recorded.everything()).isNotEmpty().noneMatch(text -> text.contains("fox"));
        assertThat(observations.observed()).isZero();
    }

    @Test
    void a_failed_job_is_an_error_that_names_its_kind_but_not_what_the_provider_said() throws Exception {
        FakeVideoProvider fake = FakeVideoProvider.on(time);
        fake.enqueue(Scenario.fails("internal_error", "Could not render 'A red fox running through snow'"));
        try (VideoJobService jobs = service(fake)) {
            jobs.submit(VideoRequest.textToVideo(PROMPT)).await(Duration.ofMinutes(10));
        }
        Observation.Context job = recorded.only(JobObservations.JOB);
        assertThat(low(job)).containsEntry("outcome", "provider_error");
        assertThat(job.getError()).isInstanceOf(JobFailedException.class)
                .hasMessageContaining("provider_error (internal_error)").hasMessageNotContaining("fox");
    }

    @Test
    void a_download_is_observed_until_its_stream_is_closed(@TempDir Path directory) throws Exception {
        FakeVideoProvider fake = FakeVideoProvider.on(time);
        try (VideoJobService jobs = service(fake)) {
            GeneratedVideo video = jobs.submit(VideoRequest.textToVideo(PROMPT)).await(Duration.ofMinutes(10)).get();
            assertThat(recorded.named(JobObservations.DOWNLOAD)).isEmpty();
            assertThat(jobs.download(video, directory.resolve("fox.mp4")).isRight()).isTrue();
        }
        assertThat(low(recorded.only(JobObservations.DOWNLOAD))).containsEntry("provider", "fake")
                .containsEntry("variant", "video").containsEntry("outcome", "opened");
    }

    @Test
    void pushed_updates_are_events_of_their_job() throws Exception {
        FakeVideoProvider fake = FakeVideoProvider.builder().clock(time).features(ProviderFeature.PUSH_EVENTS).build();
        try (VideoJobService jobs = service(fake)) {
            jobs.submit(VideoRequest.textToVideo(PROMPT)).await(Duration.ofMinutes(10));
        }
        assertThat(recorded.eventNames(recorded.only(JobObservations.JOB))).contains("pushed");
    }

    @Test
    void closing_ends_the_observations_of_unfinished_jobs_as_unfinished_without_an_error() throws Exception {
        FakeVideoProvider fake = FakeVideoProvider.on(time);
        fake.enqueue(Scenario.succeedsAfter(Duration.ofHours(2)));
        try (VideoJobService jobs = service(fake)) {
            jobs.submit(VideoRequest.textToVideo(PROMPT)).awaitAccepted(Duration.ofMinutes(1));
        }
        assertThat(recorded.named(JobObservations.JOB)).isEmpty();
        observations.close();
        Observation.Context job = recorded.only(JobObservations.JOB);
        assertThat(low(job)).containsEntry("outcome", "unfinished");
        assertThat(job.getError()).isNull();
    }

    @Test
    void jobs_beyond_the_bound_are_counted_not_observed() throws Exception {
        JobObservations bounded = JobObservations.on(registry, 2);
        FakeVideoProvider fake = FakeVideoProvider.on(time);
        try (VideoJobService jobs = VideoJobService.builder(bounded.instrument(fake)).scheduler(time).listener(bounded)
                .build()) {
            for (int i = 0; i < 5; i++) {
                fake.enqueue(Scenario.succeedsAfter(Duration.ofHours(2)));
                jobs.submit(VideoRequest.textToVideo("job " + i));
            }
            assertThat(bounded.observed()).isEqualTo(2);
            assertThat(bounded.unobserved()).isEqualTo(3);
        }
    }

    private VideoJobService service(FakeVideoProvider fake) {
        return VideoJobService.builder(observations.instrument(fake)).scheduler(time).listener(observations).build();
    }

    private static Map<String, String> low(Observation.Context context) {
        Map<String, String> keys = new TreeMap<>();
        for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
            keys.put(keyValue.getKey(), keyValue.getValue());
        }
        return keys;
    }

    /** Every imagine4j observation stopped, with its events. */
    static final class Recording implements ObservationHandler<Observation.Context> {

        private final List<Observation.Context> stopped = new ArrayList<>();
        private final Map<Observation.Context, List<Observation.Event>> events = new IdentityHashMap<>();

        @Override
        public synchronized void onEvent(Observation.Event event, Observation.Context context) {
            events.computeIfAbsent(context, ignored -> new ArrayList<>()).add(event);
        }

        @Override
        public synchronized void onStop(Observation.Context context) {
            stopped.add(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context.getName() != null && context.getName().startsWith("imagine4j");
        }

        synchronized List<Observation.Context> named(String name) {
            return stopped.stream().filter(context -> name.equals(context.getName())).toList();
        }

        synchronized Observation.Context only(String name) {
            List<Observation.Context> found = named(name);
            assertThat(found).as("stopped observations named %s", name).hasSize(1);
            return found.get(0);
        }

        synchronized List<String> eventNames(Observation.Context context) {
            return events.getOrDefault(context, List.of()).stream().map(Observation.Event::getName).toList();
        }

        /** Every name, key, value and event text recorded. */
        synchronized List<String> everything() {
            List<String> texts = new ArrayList<>();
            for (Observation.Context context : stopped) {
                texts.add(String.valueOf(context.getContextualName()));
                for (KeyValue keyValue : context.getAllKeyValues()) {
                    texts.add(keyValue.getKey() + "=" + keyValue.getValue());
                }
                events.getOrDefault(context, List.of()).forEach(event -> texts.add(event.getContextualName()));
            }
            return texts;
        }
    }
}
