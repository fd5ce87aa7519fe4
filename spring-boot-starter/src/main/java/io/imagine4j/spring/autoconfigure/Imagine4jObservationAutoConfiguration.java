package io.imagine4j.spring.autoconfigure;

import io.imagine4j.micrometer.JobObservations;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Each job an observation in the application's {@link ObservationRegistry}: a span per job for any
 * tracing backend (OpenTelemetry through Micrometer Tracing), with its submit, polls and downloads
 * as child spans. Spring Boot's {@code management.observations.enable.imagine4j=false} turns them off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "imagine4j.enabled", matchIfMissing = true)
public final class Imagine4jObservationAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    JobObservations imagine4jJobObservations(ObservationRegistry registry) {
        return JobObservations.on(registry);
    }
}
