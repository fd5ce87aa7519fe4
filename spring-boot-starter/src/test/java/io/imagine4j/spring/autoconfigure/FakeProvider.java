package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.spring.jobs.VideoJobServiceCustomizer;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The application's own provider: the testkit's fake on a virtual clock, which the service shares
 * through a customizer, so jobs end in virtual time.
 */
@Configuration(proxyBeanMethods = false)
@Import(FakeProvider.OnVirtualTime.class)
class FakeProvider {

    @Bean
    VirtualScheduler virtualScheduler() {
        return VirtualScheduler.create();
    }

    @Bean
    FakeVideoProvider fakeVideoProvider(VirtualScheduler time) {
        return FakeVideoProvider.on(time);
    }

    /** The service on the context's virtual scheduler. */
    @Configuration(proxyBeanMethods = false)
    static class OnVirtualTime {
        @Bean
        VideoJobServiceCustomizer onVirtualTime(VirtualScheduler time) {
            return builder -> builder.scheduler(time);
        }
    }
}
