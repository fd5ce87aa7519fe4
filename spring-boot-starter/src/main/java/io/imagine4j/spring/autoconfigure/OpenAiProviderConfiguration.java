package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.http.client.HttpClientCapability;
import io.imagine4j.openai.OpenAiVideoProvider;
import io.imagine4j.openai.OpenAiVideos;
import io.imagine4j.spring.autoconfigure.Imagine4jProperties.OpenAi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** An OpenAI-compatible provider, when {@code imagine4j.provider} is {@code openai}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenAiVideos.class)
@ConditionalOnProperty(name = "imagine4j.provider", havingValue = "openai")
class OpenAiProviderConfiguration {

    @Bean
    @ConditionalOnMissingBean(VideoProvider.class)
    OpenAiVideoProvider openAiVideoProvider(Imagine4jProperties properties, Environment environment,
            ObjectProvider<HttpClientCapability> httpCapabilities) {
        OpenAi openai = properties.getOpenai();
        ProviderAccess access = ProviderAccess.resolve("openai", openai, OpenAiVideos.API_KEY_VARIABLE,
                OpenAiVideos.BASE_URL_VARIABLE, OpenAiVideos.DEFAULT_BASE_URL, environment);
        OpenAiVideos.Builder builder = OpenAiVideos.builder().apiKey(access.key()).baseUrl(access.baseUrl())
                .name(openai.getName()).authScheme(openai.getAuthScheme()).encoding(openai.getEncoding())
                .fitInputImages(openai.isFitInputImages())
                .connectTimeout(openai.getConnectTimeout()).readTimeout(openai.getReadTimeout());
        openai.getHeaders().forEach(builder::header);
        httpCapabilities.orderedStream().forEach(builder::httpCapability);
        return builder.build();
    }
}
