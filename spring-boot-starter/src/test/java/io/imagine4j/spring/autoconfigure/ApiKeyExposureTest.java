package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an API key could show: the actuator's {@code env} and {@code configprops} endpoints, the
 * properties' {@code toString}, the log. Spring Boot masks every endpoint value by default; with
 * {@code show-values=always} it masks nothing by name, which is why the starter adds its own
 * sanitizing function, proved here from both sides.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyExposureTest {

    private static final String KEY = "xai-secret-0123456789";
    private static final String ENV_KEY = "oxen-secret-9876543210";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Imagine4jAutoConfiguration.class, EndpointAutoConfiguration.class,
                    EnvironmentEndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class))
            .withPropertyValues("imagine4j.xai.api-key=" + KEY, "OXEN_API_KEY=" + ENV_KEY,
                    "imagine4j.xai.base-url=https://api.x.ai/v1", "management.endpoints.web.exposure.include=env,configprops");

    private final ApplicationContextRunner showingValues = runner.withPropertyValues(
            "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always");

    @Test
    void by_default_spring_boot_masks_every_value() {
        runner.run(context -> {
            assertThat(environment(context)).doesNotContain(KEY, ENV_KEY).doesNotContain("https://api.x.ai/v1");
            assertThat(configprops(context)).doesNotContain(KEY);
        });
    }

    @Test
    void once_values_are_shown_spring_boot_alone_masks_no_key_by_its_name() {
        showingValues.run(context -> {
            assertThat(environment(context)).contains(KEY, ENV_KEY);
            assertThat(configprops(context)).contains(KEY);
        });
    }

    @Test
    void the_starters_sanitizing_function_keeps_keys_masked_when_values_are_shown() {
        showingValues.withConfiguration(AutoConfigurations.of(Imagine4jSanitizingAutoConfiguration.class))
                .withPropertyValues("IMAGINE4J_OPENAI_APIKEY=openai-secret-5555")
                .run(context -> {
                    assertThat(environment(context)).doesNotContain(KEY, ENV_KEY, "openai-secret-5555")
                            .contains("https://api.x.ai/v1");
                    assertThat(configprops(context)).doesNotContain(KEY).contains("https://api.x.ai/v1");
                });
    }

    @Test
    void the_sanitizing_function_knows_every_relaxed_form_of_the_keys_and_nothing_else() {
        assertThat(List.of("imagine4j.xai.api-key", "imagine4j.xai.apiKey", "IMAGINE4J_XAI_APIKEY", "imagine4j.oxen.api_key",
                "XAI_API_KEY", "OPENAI_API_KEY", "OXEN_API_KEY", "imagine4j.openai.api-key"))
                .allMatch(io.imagine4j.spring.actuate.ApiKeySanitizingFunction::isApiKey);
        assertThat(List.of("imagine4j.xai.base-url", "imagine4j.provider", "XAI_BASE_URL", "spring.datasource.password",
                "imagine4j.openai.headers.OpenAI-Project")).noneMatch(io.imagine4j.spring.actuate.ApiKeySanitizingFunction::isApiKey);
    }

    @Test
    void neither_the_properties_nor_the_log_show_a_key(CapturedOutput output) {
        try (XaiSimulator xai = XaiSimulator.start(SimulatorOptions.realTime())) {
            xai.enqueue(Scenario.instant());
            runner.withPropertyValues("imagine4j.xai.base-url=" + xai.baseUrl(), "imagine4j.polling.initial-interval=50ms")
                    .run(context -> {
                assertThat(context.getBean(Imagine4jProperties.class).toString()).doesNotContain(KEY)
                        .contains("(set, redacted)");
                assertThat(context.getBean(VideoJobs.class).submit(VideoRequest.textToVideo("A red fox"))
                        .await(Duration.ofMinutes(1)).isRight()).isTrue();
            });
        }
        assertThat(output.getAll()).doesNotContain(KEY).doesNotContain(ENV_KEY);
    }

    private static String environment(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed().hasSingleBean(EnvironmentEndpoint.class);
        List<String> values = new ArrayList<>();
        context.getBean(EnvironmentEndpoint.class).environment(null).getPropertySources().forEach(source ->
                source.getProperties().forEach((name, value) -> values.add(name + "=" + value.getValue())));
        return String.join("\n", values);
    }

    private static String configprops(AssertableApplicationContext context) {
        List<String> values = new ArrayList<>();
        context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties().getContexts()
                .forEach((id, beans) -> beans.getBeans().forEach((name, bean) -> flatten(name, bean.getProperties(), values)));
        return String.join("\n", values);
    }

    private static void flatten(String path, Object value, List<String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> flatten(path + "." + key, nested, into));
        } else {
            into.add(path + "=" + value);
        }
    }
}
