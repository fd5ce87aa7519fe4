package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.store.InMemoryJobStore;
import io.imagine4j.spring.jobs.DefaultingVideoJobs;
import io.imagine4j.spring.jobs.JobResumption;
import io.imagine4j.spring.jobs.VideoDefaults;
import io.imagine4j.spring.jobs.VideoJobServiceCustomizer;
import io.imagine4j.micrometer.JobObservations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.Locale;

/**
 * imagine4j in a Spring Boot application: the provider chosen by {@code imagine4j.provider}, a job
 * store (JDBC on the application's DataSource when {@code imagine4j-store-jdbc} is present, else in
 * memory), and the {@link VideoJobs} service on them, closed on shutdown (jobs stay resumable) and
 * resuming the store's unfinished jobs once the application has started. Every bean backs off
 * when the application declares its own; {@code imagine4j.enabled=false} turns it all off.
 *
 * <p>Every {@link JobListener} bean (the job meters, the job observations, the application's own)
 * sees the events of every job; {@link VideoJobServiceCustomizer} beans change the service before
 * it is built.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "imagine4j.enabled", matchIfMissing = true)
@EnableConfigurationProperties(Imagine4jProperties.class)
@Import({XaiProviderConfiguration.class, OpenAiProviderConfiguration.class, OxenProviderConfiguration.class,
        JdbcStoreConfiguration.class})
public final class Imagine4jAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceSettings imagine4jServiceSettings(Imagine4jProperties properties) {
        return SettingsFromProperties.of(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    VideoDefaults imagine4jVideoDefaults(Imagine4jProperties properties, ObjectProvider<VideoProvider> provider) {
        return DefaultsFromProperties.of(properties, chosen(provider, properties).capabilities());
    }

    /** In memory: when asked, or when the JDBC store is not on the classpath or has no DataSource to use. */
    @Bean
    @ConditionalOnMissingBean(JobStore.class)
    InMemoryJobStore imagine4jJobStore(Imagine4jProperties properties) {
        if (properties.getStore().getType() == Imagine4jProperties.StoreType.JDBC) {
            throw new IllegalStateException("imagine4j.store.type=jdbc, but io.imagine4j:imagine4j-store-jdbc is not on the"
                    + " classpath: add it, or set imagine4j.store.type to auto or memory.");
        }
        return new InMemoryJobStore();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(VideoJobs.class)
    DefaultingVideoJobs videoJobs(ObjectProvider<VideoProvider> provider, JobStore store, ServiceSettings settings,
            VideoDefaults defaults, Imagine4jProperties properties, ObjectProvider<JobListener> listeners,
            ObjectProvider<JobObservations> observations, ObjectProvider<VideoJobServiceCustomizer> customizers) {
        VideoProvider chosen = chosen(provider, properties);
        JobObservations observed = observations.getIfUnique();
        VideoJobService.Builder builder = VideoJobService.builder(observed == null ? chosen : observed.instrument(chosen))
                .store(store).settings(settings).threads(properties.getThreads());
        if (properties.getInstance() != null && !properties.getInstance().isBlank()) {
            builder.instance(properties.getInstance());
        }
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return new DefaultingVideoJobs(builder.build(), defaults);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "imagine4j.resume-on-start", matchIfMissing = true)
    JobResumption imagine4jJobResumption(VideoJobs jobs) {
        return new JobResumption(jobs);
    }

    /** The application's provider, or a startup failure that says how to get one. */
    private static VideoProvider chosen(ObjectProvider<VideoProvider> provider, Imagine4jProperties properties) {
        VideoProvider unique = provider.getIfUnique();
        if (unique != null) {
            return unique;
        }
        String choice = properties.getProvider().name().toLowerCase(Locale.ROOT);
        if (provider.stream().findAny().isEmpty()) {
            throw new IllegalStateException("imagine4j.provider=" + choice + ", but no VideoProvider could be made: add the"
                    + " imagine4j adapter of " + choice + " to the classpath, or declare a VideoProvider bean.");
        }
        throw new IllegalStateException("Several VideoProvider beans are declared; mark the one imagine4j's VideoJobs"
                + " should use @Primary, or declare your own VideoJobs bean.");
    }
}
