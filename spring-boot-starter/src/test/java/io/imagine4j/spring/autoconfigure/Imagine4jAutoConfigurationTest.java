package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.cost.Budget;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.store.InMemoryJobStore;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.openai.OpenAiVideoProvider;
import io.imagine4j.oxen.OxenHub;
import io.imagine4j.oxen.OxenVideoProvider;
import io.imagine4j.spring.jobs.DefaultingVideoJobs;
import io.imagine4j.spring.jobs.JobResumption;
import io.imagine4j.spring.jobs.VideoDefaults;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.xai.XaiVideoProvider;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Imagine4jAutoConfigurationTest {

    /** The process environment is left out, so a key set on the build machine cannot change an answer. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> context.getEnvironment().getPropertySources()
                    .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
            .withConfiguration(AutoConfigurations.of(Imagine4jAutoConfiguration.class));

    @Nested
    class ProviderChoice {

        @Test
        void xai_is_the_default_with_its_key_from_the_property() {
            runner.withPropertyValues("imagine4j.xai.api-key=xai-test-key").run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(XaiVideoProvider.class).hasSingleBean(VideoJobs.class)
                        .hasSingleBean(InMemoryJobStore.class).hasSingleBean(JobResumption.class);
                assertThat(context.getBean(VideoJobs.class).capabilities().provider()).isEqualTo("xai");
            });
        }

        @Test
        void the_key_may_come_from_the_providers_environment_variable() {
            runner.withPropertyValues("XAI_API_KEY=xai-test-key")
                    .run(context -> assertThat(context).hasNotFailed().hasSingleBean(XaiVideoProvider.class));
        }

        @Test
        void openai_is_chosen_by_name() {
            runner.withPropertyValues("imagine4j.provider=openai", "OPENAI_API_KEY=sk-test", "imagine4j.openai.name=azure",
                    "imagine4j.openai.auth-scheme=api-key-header", "imagine4j.openai.headers.OpenAI-Project=proj_1")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(OpenAiVideoProvider.class)
                                .doesNotHaveBean(XaiVideoProvider.class);
                        assertThat(context.getBean(VideoProvider.class).name()).isEqualTo("azure");
                    });
        }

        @Test
        void oxen_is_chosen_by_name() {
            runner.withPropertyValues("imagine4j.provider=oxen", "OXEN_API_KEY=oxen-test", "imagine4j.oxen.push=false",
                    "imagine4j.oxen.upload-repository=acme/inputs").run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(OxenVideoProvider.class);
                        assertThat(context.getBean(VideoProvider.class).eventSource()).isEmpty();
                    });
            runner.withPropertyValues("imagine4j.provider=oxen", "OXEN_API_KEY=oxen-test", "imagine4j.oxen.upload-repository=x")
                    .run(context -> assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("imagine4j.oxen.upload-repository (or OXEN_UPLOAD_REPOSITORY)"));
        }

        @Test
        void a_provider_whose_adapter_is_missing_fails_the_start_saying_so() {
            runner.withPropertyValues("imagine4j.provider=oxen", "OXEN_API_KEY=oxen-test")
                    .withClassLoader(new FilteredClassLoader(OxenHub.class)).run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .hasMessageContaining("imagine4j.provider=oxen, but no VideoProvider could be made")
                                .hasMessageContaining("declare a VideoProvider bean");
                    });
        }

        @Test
        void a_missing_key_fails_the_start_naming_the_property_and_the_variable() {
            runner.run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ApiKeyNotConfiguredException.class)
                        .hasMessage("No API key for the xai provider: set the property imagine4j.xai.api-key or the"
                                + " environment variable XAI_API_KEY.");
                FailureAnalysis analysis = new ApiKeyNotConfiguredFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("imagine4j.xai.api-key", "XAI_API_KEY");
                assertThat(analysis.getAction()).contains("imagine4j.xai.api-key", "XAI_API_KEY", "imagine4j.provider",
                        "imagine4j.enabled=false");
            });
            runner.withPropertyValues("imagine4j.provider=openai").run(context -> assertThat(context.getStartupFailure())
                    .rootCause().hasMessageContaining("imagine4j.openai.api-key").hasMessageContaining("OPENAI_API_KEY"));
        }

        @Test
        void an_unusable_key_fails_the_start_naming_where_it_came_from_but_not_the_key() {
            runner.withPropertyValues("XAI_API_KEY=two words").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ApiKeyNotConfiguredException.class)
                        .hasMessageContaining("from the environment variable XAI_API_KEY, is not usable")
                        .hasMessageNotContaining("two words");
            });
        }

        @Test
        void the_applications_own_provider_wins_and_runs_the_jobs() {
            runner.withUserConfiguration(FakeProvider.class).run(context -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(XaiVideoProvider.class);
                FakeVideoProvider fake = context.getBean(FakeVideoProvider.class);
                VideoJob job = context.getBean(VideoJobs.class).submit(VideoRequest.textToVideo("A red fox"));
                assertThat(job.await(Duration.ofMinutes(10)).isRight()).isTrue();
                assertThat(fake.calls(Call.SUBMIT)).isEqualTo(1);
            });
        }

        @Test
        void several_providers_without_a_primary_one_fail_the_start_saying_what_to_do() {
            runner.withUserConfiguration(FakeProvider.class, SecondProvider.class).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Several VideoProvider beans")
                        .hasMessageContaining("@Primary");
            });
        }
    }

    @Nested
    class OnAndOff {

        @Test
        void enabled_false_configures_nothing_not_even_a_provider_that_would_miss_its_key() {
            runner.withPropertyValues("imagine4j.enabled=false").run(context -> assertThat(context).hasNotFailed()
                    .doesNotHaveBean(VideoProvider.class).doesNotHaveBean(VideoJobs.class).doesNotHaveBean(JobStore.class)
                    .doesNotHaveBean(ServiceSettings.class).doesNotHaveBean(JobResumption.class)
                    .doesNotHaveBean(Imagine4jProperties.class));
        }

        @Test
        void the_applications_own_beans_win() {
            runner.withUserConfiguration(FakeProvider.class, OwnBeans.class).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(JobStore.class)).isSameAs(context.getBean(OwnBeans.class).store);
                assertThat(context.getBean(ServiceSettings.class).watchTimeout()).isEqualTo(Duration.ofMinutes(3));
                assertThat(context.getBean(VideoDefaults.class).duration()).contains(Duration.ofSeconds(9));
            });
            runner.withUserConfiguration(FakeProvider.class, OwnJobs.class).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(VideoJobs.class).doesNotHaveBean(DefaultingVideoJobs.class);
                assertThat(context.getBean(VideoJobs.class)).isInstanceOf(VideoJobService.class);
            });
        }
    }

    @Nested
    class Settings {

        @Test
        void unset_properties_leave_the_library_defaults() {
            runner.withUserConfiguration(FakeProvider.class).run(context ->
                    assertThat(context.getBean(ServiceSettings.class)).isEqualTo(ServiceSettings.defaults()));
        }

        @Test
        void polling_budget_and_store_properties_reach_the_service() {
            runner.withUserConfiguration(FakeProvider.class).withPropertyValues(
                    "imagine4j.polling.initial-interval=2s", "imagine4j.polling.multiplier=2",
                    "imagine4j.polling.max-interval=20s", "imagine4j.polling.jitter=0.1",
                    "imagine4j.polling.progress-aware=false", "imagine4j.polling.max-predicted-wait=45s",
                    "imagine4j.polling.watch-timeout=30m", "imagine4j.polling.push-safety-interval=2m",
                    "imagine4j.budget.per-submit=2.00", "imagine4j.budget.total=50",
                    "imagine4j.store.lease-duration=5m", "imagine4j.store.takeover-interval=30s").run(context -> {
                        ServiceSettings settings = context.getBean(ServiceSettings.class);
                        assertThat(settings.pollBackoff())
                                .isEqualTo(Backoff.of(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(20), 0.1));
                        assertThat(settings.progressAwarePolling()).isFalse();
                        assertThat(settings.maxPredictedWait()).isEqualTo(Duration.ofSeconds(45));
                        assertThat(settings.watchTimeout()).isEqualTo(Duration.ofMinutes(30));
                        assertThat(settings.pushSafetyInterval()).isEqualTo(Duration.ofMinutes(2));
                        assertThat(settings.budget()).contains(new Budget(Option.some(new BigDecimal("2.00")),
                                Option.some(new BigDecimal("50"))));
                        assertThat(settings.leaseDuration()).isEqualTo(Duration.ofMinutes(5));
                        assertThat(settings.takeoverInterval()).contains(Duration.ofSeconds(30));
                    });
        }

        @Test
        void polling_properties_that_do_not_fit_together_fail_the_start_naming_them() {
            runner.withUserConfiguration(FakeProvider.class)
                    .withPropertyValues("imagine4j.polling.initial-interval=10s", "imagine4j.polling.max-interval=1s")
                    .run(context -> assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("The imagine4j.polling.* properties do not fit together: A backoff"
                                    + " needs 0 <= initial <= max, got PT10S and PT1S"));
        }

        @Test
        void request_defaults_reach_the_jobs_the_application_submits() {
            runner.withUserConfiguration(FakeProvider.class).withPropertyValues("imagine4j.xai.defaults.duration=6s",
                    "imagine4j.xai.defaults.aspect-ratio=9:16", "imagine4j.xai.defaults.resolution=720p").run(context -> {
                        VideoJobs jobs = context.getBean(VideoJobs.class);
                        jobs.submit(VideoRequest.textToVideo("A red fox")).await(Duration.ofMinutes(10));
                        jobs.submit(VideoRequest.textToVideo("A grey wolf").with(o -> o.withDurationSeconds(3)))
                                .await(Duration.ofMinutes(10));
                        FakeVideoProvider fake = context.getBean(FakeVideoProvider.class);
                        assertThat(fake.submittedRequests()).extracting(r -> r.options().duration().get())
                                .containsExactly(Duration.ofSeconds(6), Duration.ofSeconds(3));
                        assertThat(fake.submittedRequests().get(0).options().aspectRatio().get()).hasToString("9:16");
                        assertThat(fake.submittedRequests().get(0).options().resolution().get()).hasToString("720p");
                    });
        }

        @Test
        void a_default_no_request_could_take_fails_the_start_saying_what_the_model_takes() {
            runner.withUserConfiguration(FakeProvider.class).withPropertyValues("imagine4j.xai.defaults.duration=40s")
                    .run(context -> assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("imagine4j.xai.defaults.*")
                            .hasMessageContaining("duration 40 s: fake-video takes 1–15 s"));
            runner.withUserConfiguration(FakeProvider.class).withPropertyValues("imagine4j.xai.defaults.aspect-ratio=wide")
                    .run(context -> assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("imagine4j.xai.defaults.aspect-ratio: An aspect ratio is written W:H"));
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void the_stores_unfinished_jobs_are_resumed_once_the_context_has_started() {
            VirtualScheduler time = VirtualScheduler.create();
            FakeVideoProvider fake = FakeVideoProvider.on(time);
            JobId left = startedElsewhere(fake);
            InMemoryJobStore store = new InMemoryJobStore();
            store.save(JobRecord.watched(left, time.now()));
            runner.withBean(VirtualScheduler.class, () -> time).withBean(FakeVideoProvider.class, () -> fake)
                    .withBean(JobStore.class, () -> store).withUserConfiguration(FakeProvider.OnVirtualTime.class).run(context -> {
                        assertThat(context.getBean(JobResumption.class).resumed()).isEqualTo(1);
                        VideoJob resumed = context.getBean(VideoJobs.class).find(left).get();
                        Either<?, GeneratedVideo> outcome = resumed.await(Duration.ofMinutes(10));
                        assertThat(outcome.isRight()).isTrue();
                        assertThat(store.findByJobId(left).get().state().status()).isEqualTo(JobStatus.SUCCEEDED);
                    });
        }

        @Test
        void resume_on_start_false_leaves_them_alone() {
            VirtualScheduler time = VirtualScheduler.create();
            FakeVideoProvider fake = FakeVideoProvider.on(time);
            JobId left = startedElsewhere(fake);
            InMemoryJobStore store = new InMemoryJobStore();
            store.save(JobRecord.watched(left, time.now()));
            runner.withBean(VirtualScheduler.class, () -> time).withBean(FakeVideoProvider.class, () -> fake)
                    .withBean(JobStore.class, () -> store).withUserConfiguration(FakeProvider.OnVirtualTime.class)
                    .withPropertyValues("imagine4j.resume-on-start=false").run(context -> {
                        assertThat(context).doesNotHaveBean(JobResumption.class);
                        time.advance(Duration.ofMinutes(10));
                        assertThat(fake.calls(Call.POLL)).isZero();
                    });
        }

        @Test
        void shutdown_closes_the_service_and_leaves_unfinished_jobs_resumable() {
            InMemoryJobStore store = new InMemoryJobStore();
            VideoJobs[] jobs = new VideoJobs[1];
            SubmissionKey[] key = new SubmissionKey[1];
            runner.withUserConfiguration(FakeProvider.class).withBean(JobStore.class, () -> store).run(context -> {
                context.getBean(FakeVideoProvider.class).enqueue(Scenario.succeedsAfter(Duration.ofHours(2)));
                jobs[0] = context.getBean(VideoJobs.class);
                VideoJob job = jobs[0].submit(VideoRequest.textToVideo("A slow fox"));
                job.awaitAccepted(Duration.ofMinutes(1));
                key[0] = job.key();
            });
            assertThatThrownBy(() -> jobs[0].submit(VideoRequest.textToVideo("Too late")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThat(store.unfinished()).extracting(JobRecord::key).containsExactly(key[0]);
        }

        private JobId startedElsewhere(FakeVideoProvider fake) {
            SubmitOutcome outcome = fake.submit(Submission.of(SubmissionKey.random(), VideoRequest.textToVideo("A fox"),
                    fake.capabilities()));
            return ((SubmitOutcome.Accepted) outcome).jobIds().get(0);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SecondProvider {
        @Bean
        FakeVideoProvider secondFake() {
            return FakeVideoProvider.create();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        final InMemoryJobStore store = new InMemoryJobStore();

        @Bean
        JobStore ownStore() {
            return store;
        }

        @Bean
        ServiceSettings ownSettings() {
            return ServiceSettings.defaults().withWatchTimeout(Duration.ofMinutes(3));
        }

        @Bean
        VideoDefaults ownDefaults() {
            return VideoDefaults.none().withDuration(Duration.ofSeconds(9));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnJobs {
        @Bean
        VideoJobs ownJobs(FakeVideoProvider provider) {
            return VideoJobService.builder(provider).build();
        }
    }
}
