package io.imagine4j.spring.autoconfigure;

import io.imagine4j.spring.actuate.ApiKeySanitizingFunction;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Keeps imagine4j's API keys masked in the actuator's {@code env} and {@code configprops}
 * endpoints, even where their values are shown; on whether or not imagine4j itself is enabled,
 * since the keys may sit in the environment either way.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class Imagine4jSanitizingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ApiKeySanitizingFunction imagine4jApiKeySanitizingFunction() {
        return new ApiKeySanitizingFunction();
    }
}
