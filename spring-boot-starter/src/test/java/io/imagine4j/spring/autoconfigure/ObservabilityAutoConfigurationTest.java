package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.micrometer.JobMeters;
import io.imagine4j.micrometer.JobObservations;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.scenario.Step;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityAutoConfigurationTest {

    private static final String PROMPT = "A red fox running through snow";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, Imagine4jAutoConfiguration.class,
                    Imagine4jMetricsAutoConfiguration.class, Imagine4jObservationAutoConfiguration.class))
            .withBean(SimpleMeterRegistry.class)
            .withUserConfiguration(Recording.class);

    @Nested
    class Meters {

        @Test
        void the_applications_registry_gets_the_job_meters() {
            runner.withUserConfiguration(FakeProvider.class).run(context -> {
                assertThat(context).hasSingleBean(JobMeters.class);
                context.getBean(VideoJobs.class).submit(VideoRequest.textToVideo(PROMPT)).await(Duration.ofMinutes(10));
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get(JobMeters.FINISHED).tags("provider", "fake", "kind", "text-to-video",
                        "outcome", "succeeded").counter().count()).isEqualTo(1.0);
            });
        }

        @Test
        void no_registry_no_job_meters_and_an_own_one_wins() {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(Imagine4jAutoConfiguration.class,
                            Imagine4jMetricsAutoConfiguration.class, Imagine4jObservationAutoConfiguration.class))
                    .withUserConfiguration(FakeProvider.class)
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(JobMeters.class)
                            .doesNotHaveBean(JobObservations.class));
            JobMeters own = JobMeters.on(new SimpleMeterRegistry());
            runner.withUserConfiguration(FakeProvider.class).withBean(JobMeters.class, () -> own)
                    .run(context -> assertThat(context.getBean(JobMeters.class)).isSameAs(own));
        }

        @Test
        void enabled_false_binds_nothing() {
            runner.withUserConfiguration(FakeProvider.class).withPropertyValues("imagine4j.enabled=false")
                    .run(context -> assertThat(context).doesNotHaveBean(JobMeters.class)
                            .doesNotHaveBean(JobObservations.class));
        }
    }

    @Nested
    class HttpClientMeters {

        private static XaiSimulator xai;
        private static OpenAiSimulator openai;

        @BeforeAll
        static void start() {
            xai = XaiSimulator.start(SimulatorOptions.forTests());
            openai = OpenAiSimulator.start(SimulatorOptions.forTests());
        }

        @AfterAll
        static void stop() {
            xai.close();
            openai.close();
        }

        @Test
        void the_providers_http_client_records_its_calls_in_the_applications_registry() {
            runner.withPropertyValues("imagine4j.xai.api-key=xai-test-key", "imagine4j.xai.base-url=" + xai.baseUrl())
                    .run(context -> assertHttpMeters(context, "xai"));
            runner.withPropertyValues("imagine4j.provider=openai", "imagine4j.openai.api-key=xai-test-key",
                    "imagine4j.openai.base-url=" + openai.baseUrl()).run(context -> assertHttpMeters(context, "openai"));
        }

        private void assertHttpMeters(AssertableApplicationContext context, String provider) {
            assertThat(context).hasNotFailed();
            context.getBean(VideoProvider.class).poll(JobId.of(provider, "no-such-job"));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                    .anyMatch(name -> name.startsWith("feign"));
            assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                    .noneMatch(tag -> tag.getValue().contains("no-such-job") || tag.getValue().contains("xai-test-key")));
        }
    }

    @Nested
    class Observations {

        @Test
        void each_job_is_an_observation_with_its_submit_and_polls_as_children_tagged_like_the_meters() {
            runner.withUserConfiguration(FakeProvider.class).run(context -> {
                context.getBean(FakeVideoProvider.class).enqueue(Scenario.succeedsAfter(Duration.ofSeconds(30))
                        .withSteps(Step.queued(Duration.ZERO), Step.running(Duration.ofSeconds(5), 20),
                                Step.running(Duration.ofSeconds(15), 60)));
                context.getBean(VideoJobs.class).submit(VideoRequest.textToVideo(PROMPT)).await(Duration.ofMinutes(10));
                Recording recorded = context.getBean(Recording.class);

                Observation.Context job = recorded.only(JobObservations.JOB);
                assertThat(low(job)).containsEntry("provider", "fake").containsEntry("kind", "text-to-video")
                        .containsEntry("outcome", "succeeded").hasSize(3);
                assertThat(job.getHighCardinalityKeyValue(JobObservations.JOB_ID)).isNotNull();
                assertThat(recorded.eventNames(job)).contains("created", "accepted", "status", "progress");

                Observation.Context submit = recorded.only(JobObservations.SUBMIT);
                assertThat(submit.getParentObservation().getContextView()).isSameAs(job);
                assertThat(low(submit)).containsEntry("outcome", "accepted").containsEntry("provider", "fake");
                List<Observation.Context> polls = recorded.named(JobObservations.POLL);
                assertThat(polls).isNotEmpty().allSatisfy(poll ->
                        assertThat(poll.getParentObservation().getContextView()).isSameAs(job));
                assertThat(low(polls.get(polls.size() - 1))).containsEntry("outcome", "succeeded");

                assertThat(recorded.everything()).noneMatch(text -> text.contains("fox"));
            });
        }

        @Test
        void closing_ends_the_observations_of_unfinished_jobs_as_unfinished() {
            Recording[] recorded = new Recording[1];
            runner.withUserConfiguration(FakeProvider.class).run(context -> {
                context.getBean(FakeVideoProvider.class).enqueue(Scenario.succeedsAfter(Duration.ofHours(2)));
                context.getBean(VideoJobs.class).submit(VideoRequest.textToVideo(PROMPT)).awaitAccepted(Duration.ofMinutes(1));
                recorded[0] = context.getBean(Recording.class);
                assertThat(recorded[0].named(JobObservations.JOB)).isEmpty();
            });
            // The observations close after the service, so a job still running ends as unfinished, not lost.
            assertThat(low(recorded[0].only(JobObservations.JOB))).containsEntry("outcome", "unfinished");
            assertThat(recorded[0].only(JobObservations.JOB).getError()).isNull();
        }
    }

    private static Map<String, String> low(Observation.Context context) {
        Map<String, String> keys = new java.util.TreeMap<>();
        StreamSupport.stream(context.getLowCardinalityKeyValues().spliterator(), false)
                .forEach(keyValue -> keys.put(keyValue.getKey(), keyValue.getValue()));
        return keys;
    }

    /** Every imagine4j observation stopped in the application's registry, with its events (a handler bean). */
    @Configuration(proxyBeanMethods = false)
    static class Recording implements ObservationHandler<Observation.Context> {

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
