package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.http.client.HttpClientCapability;
import io.imagine4j.oxen.OxenHub;
import io.imagine4j.oxen.OxenRepository;
import io.imagine4j.oxen.OxenVideoProvider;
import io.imagine4j.spring.autoconfigure.Imagine4jProperties.Oxen;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Oxen.ai hub, when {@code imagine4j.provider} is {@code oxen}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OxenHub.class)
@ConditionalOnProperty(name = "imagine4j.provider", havingValue = "oxen")
class OxenProviderConfiguration {

    @Bean
    @ConditionalOnMissingBean(VideoProvider.class)
    OxenVideoProvider oxenVideoProvider(Imagine4jProperties properties, Environment environment,
            ObjectProvider<HttpClientCapability> httpCapabilities) {
        Oxen oxen = properties.getOxen();
        ProviderAccess access = ProviderAccess.resolve("oxen", oxen, OxenHub.API_KEY_VARIABLE, OxenHub.BASE_URL_VARIABLE,
                OxenHub.DEFAULT_BASE_URL, environment);
        OxenHub.Builder builder = OxenHub.builder().apiKey(access.key()).baseUrl(access.baseUrl())
                .connectTimeout(oxen.getConnectTimeout()).readTimeout(oxen.getReadTimeout()).push(oxen.isPush());
        String repository = oxen.getUploadRepository() != null ? oxen.getUploadRepository()
                : environment.getProperty(OxenHub.UPLOAD_REPOSITORY_VARIABLE);
        if (repository != null && !repository.isBlank()) {
            try {
                builder.uploadsTo(OxenRepository.parse(repository.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("imagine4j.oxen.upload-repository (or " + OxenHub.UPLOAD_REPOSITORY_VARIABLE
                        + "): " + e.getMessage(), e);
            }
        }
        httpCapabilities.orderedStream().forEach(builder::httpCapability);
        return builder.build();
    }
}
