package io.imagine4j.spring.jobs;

import io.imagine4j.core.service.VideoJobService;

/**
 * Changes the service the starter builds, after the starter has applied the {@code imagine4j.*}
 * properties and before it builds: declare one as a bean.
 *
 * <pre>{@code
 * @Bean
 * VideoJobServiceCustomizer seededJitter() {
 *     return builder -> builder.random(new Random(42));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface VideoJobServiceCustomizer {

    void customize(VideoJobService.Builder builder);
}
