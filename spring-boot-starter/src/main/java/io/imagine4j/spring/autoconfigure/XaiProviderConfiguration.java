package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.http.client.HttpClientCapability;
import io.imagine4j.spring.autoconfigure.Imagine4jProperties.Xai;
import io.imagine4j.xai.XaiVideo;
import io.imagine4j.xai.XaiVideoProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The xAI provider, when {@code imagine4j.provider} is {@code xai} (the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(XaiVideo.class)
@ConditionalOnProperty(name = "imagine4j.provider", havingValue = "xai", matchIfMissing = true)
class XaiProviderConfiguration {

    @Bean
    @ConditionalOnMissingBean(VideoProvider.class)
    XaiVideoProvider xaiVideoProvider(Imagine4jProperties properties, Environment environment,
            ObjectProvider<HttpClientCapability> httpCapabilities) {
        Xai xai = properties.getXai();
        ProviderAccess access = ProviderAccess.resolve("xai", xai, XaiVideo.API_KEY_VARIABLE, XaiVideo.BASE_URL_VARIABLE,
                XaiVideo.DEFAULT_BASE_URL, environment);
        XaiVideo.Builder builder = XaiVideo.builder().apiKey(access.key()).baseUrl(access.baseUrl())
                .connectTimeout(xai.getConnectTimeout()).readTimeout(xai.getReadTimeout())
                .maxInlineImageBytes(xai.getMaxInlineImageSize().toBytes())
                .maxInlineVideoBytes(xai.getMaxInlineVideoSize().toBytes());
        httpCapabilities.orderedStream().forEach(builder::httpCapability);
        return builder.build();
    }
}
