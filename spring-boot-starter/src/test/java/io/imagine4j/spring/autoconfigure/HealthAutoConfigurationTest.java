package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.spring.health.ProviderHealthIndicator;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.ApiKeys;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.imagine4j.xai.XaiVideo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The health indicator against the three simulators over real HTTP, each accepting exactly one key. */
class HealthAutoConfigurationTest {

    private static final String KEY = "the-right-key";

    private static XaiSimulator xai;
    private static OpenAiSimulator openai;
    private static OxenSimulator oxen;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> context.getEnvironment().getPropertySources()
                    .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
            .withConfiguration(AutoConfigurations.of(Imagine4jAutoConfiguration.class, Imagine4jHealthAutoConfiguration.class));

    @BeforeAll
    static void start() {
        xai = XaiSimulator.start(SimulatorOptions.forTests().withKeys(ApiKeys.exactly(KEY)));
        openai = OpenAiSimulator.start(SimulatorOptions.forTests().withKeys(ApiKeys.exactly(KEY)));
        oxen = OxenSimulator.start(SimulatorOptions.forTests().withKeys(ApiKeys.exactly(KEY)));
    }

    @AfterAll
    static void stop() {
        xai.close();
        openai.close();
        oxen.close();
    }

    @Test
    void up_when_the_provider_lists_its_models() {
        runner.withPropertyValues("imagine4j.xai.api-key=" + KEY, "imagine4j.xai.base-url=" + xai.baseUrl()).run(context -> {
            Health health = health(context, "xai");
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("provider", "xai").containsEntry("check", "models")
                    .containsKey("models");
        });
        runner.withPropertyValues("imagine4j.provider=oxen", "imagine4j.oxen.api-key=" + KEY, "imagine4j.oxen.push=false",
                "imagine4j.oxen.base-url=" + oxen.baseUrl()).run(context -> {
                    Health health = health(context, "oxen");
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("check", "models");
                });
    }

    @Test
    void up_when_a_provider_without_a_model_list_answers_a_poll_of_an_unknown_job_with_not_found() {
        runner.withPropertyValues("imagine4j.provider=openai", "imagine4j.openai.api-key=" + KEY,
                "imagine4j.openai.base-url=" + openai.baseUrl()).run(context -> {
                    Health health = health(context, "openai");
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("check", "poll");
                });
    }

    @Test
    void down_with_a_wrong_key_naming_the_failure_but_not_the_key() {
        runner.withPropertyValues("imagine4j.xai.api-key=a-wrong-key", "imagine4j.xai.base-url=" + xai.baseUrl())
                .run(context -> {
                    Health health = health(context, "xai");
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("failure", "AUTHENTICATION");
                    assertThat(health.toString()).doesNotContain("a-wrong-key");
                });
        runner.withPropertyValues("imagine4j.provider=openai", "imagine4j.openai.api-key=a-wrong-key",
                "imagine4j.openai.base-url=" + openai.baseUrl()).run(context -> {
                    Health health = health(context, "openai");
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("failure", "AUTHENTICATION");
                });
    }

    @Test
    void the_property_wins_over_the_environment_variable() {
        runner.withPropertyValues("XAI_API_KEY=a-wrong-key", "imagine4j.xai.api-key=" + KEY,
                "imagine4j.xai.base-url=" + xai.baseUrl())
                .run(context -> assertThat(health(context, "xai").getStatus()).isEqualTo(Status.UP));
        runner.withPropertyValues("XAI_API_KEY=" + KEY, "XAI_BASE_URL=" + xai.baseUrl())
                .run(context -> assertThat(health(context, "xai").getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void down_when_the_provider_cannot_be_reached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        runner.withPropertyValues("imagine4j.xai.api-key=" + KEY, "imagine4j.xai.base-url=http://127.0.0.1:" + closedPort + "/v1")
                .run(context -> {
                    Health health = health(context, "xai");
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("failure", "UNAVAILABLE");
                });
    }

    @Test
    void a_provider_with_a_model_list_is_checked_by_listing_its_models() {
        runner.withBean(VideoProvider.class, () -> FakeVideoProvider.builder()
                .features(ProviderFeature.MODEL_DISCOVERY).build()).run(context -> {
                    Health health = health(context, "fake");
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("check", "models").containsEntry("models", 2);
                });
    }

    @Test
    void an_answer_is_reused_for_the_cache_time() {
        xai.reset();
        MovingClock clock = new MovingClock();
        HealthIndicator indicator = new ProviderHealthIndicator(
                XaiVideo.builder().apiKey(KEY).baseUrl(xai.baseUrl()).build(), Duration.ofMinutes(1), clock);
        indicator.health();
        clock.now = clock.now.plusSeconds(59);
        indicator.health();
        assertThat(xai.calls(Call.MODELS)).isEqualTo(1);
        clock.now = clock.now.plusSeconds(1);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(xai.calls(Call.MODELS)).isEqualTo(2);
    }

    @Test
    void off_with_springs_health_switch_or_without_the_actuator() {
        runner.withPropertyValues("imagine4j.xai.api-key=" + KEY, "management.health.imagine4j.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("imagine4jHealthContributor"));
        runner.withPropertyValues("imagine4j.xai.api-key=" + KEY)
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("imagine4jHealthContributor"));
    }

    private static Health health(AssertableApplicationContext context, String provider) {
        assertThat(context).hasNotFailed();
        CompositeHealthContributor contributor = context.getBean("imagine4jHealthContributor", CompositeHealthContributor.class);
        return ((HealthIndicator) contributor.getContributor(provider)).health();
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
