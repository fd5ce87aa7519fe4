package io.imagine4j.spring.autoconfigure;

import io.imagine4j.http.client.HttpClientCapability;
import io.imagine4j.micrometer.HttpClientMeters;
import io.imagine4j.micrometer.JobMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Job meters ({@code imagine4j.jobs.*}, tagged by provider, kind and outcome) in the application's
 * {@link MeterRegistry}, and the provider's HTTP client meters (an {@link HttpClientCapability} bean,
 * which the provider's builder takes with every other such bean). Spring Boot's own
 * {@code management.metrics.enable.imagine4j=false} filters the job meters out.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, JobMeters.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "imagine4j.enabled", matchIfMissing = true)
public final class Imagine4jMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JobMeters imagine4jJobMeters(MeterRegistry registry) {
        return JobMeters.on(registry);
    }

    @Bean
    @ConditionalOnMissingBean(name = "imagine4jHttpClientMeters")
    HttpClientCapability imagine4jHttpClientMeters(MeterRegistry registry) {
        return HttpClientMeters.on(registry);
    }
}
