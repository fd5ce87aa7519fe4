package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.spring.health.ProviderHealthIndicator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An actuator health indicator per provider bean, under {@code imagine4j} ({@code /actuator/health/imagine4j/xai}):
 * auth and reachability from a free call, cached for {@code imagine4j.health.cache-time}. Spring
 * Boot's {@code management.health.imagine4j.enabled=false} turns it off.
 */
@AutoConfiguration(after = Imagine4jAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(VideoProvider.class)
@ConditionalOnEnabledHealthIndicator("imagine4j")
@ConditionalOnBooleanProperty(name = "imagine4j.enabled", matchIfMissing = true)
public final class Imagine4jHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "imagine4jHealthContributor")
    CompositeHealthContributor imagine4jHealthContributor(ObjectProvider<VideoProvider> providers,
            Imagine4jProperties properties) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        providers.orderedStream().forEach(provider -> {
            String name = indicators.containsKey(provider.name()) ? provider.name() + "-" + indicators.size() : provider.name();
            indicators.put(name, new ProviderHealthIndicator(provider, properties.getHealth().getCacheTime(), Clock.systemUTC()));
        });
        return CompositeHealthContributor.fromMap(indicators);
    }
}
