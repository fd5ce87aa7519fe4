package io.imagine4j.http.client;

import io.imagine4j.http.support.LoopbackServer;
import io.imagine4j.http.support.VideoApi;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HttpClientMetersTest {

    private final LoopbackServer server = LoopbackServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void meters_are_tagged_with_the_uri_template_never_the_id_or_query() {
        server.json("/v1/videos/job-1", 200, "{\"status\":\"pending\"}");
        server.json("/v1/videos/job-2", 404, "{\"error\":{\"message\":\"unknown\"}}");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        VideoApi api = ApiClients.builder(server.url("/v1")).meterRegistry(registry).build(VideoApi.class);

        api.poll("job-1");
        api.poll("job-2");

        List<Meter> meters = registry.getMeters();
        assertThat(meters).isNotEmpty();
        List<String> tagValues = meters.stream().flatMap(m -> m.getId().getTags().stream()).map(Tag::getValue).toList();
        assertThat(tagValues).noneMatch(value -> value.contains("job-1") || value.contains("job-2"));
        assertThat(meters).anySatisfy(meter -> assertThat(meter.getId().getTag("uri")).isEqualTo("/videos/{id}"));
        assertThat(registry.find("feign.Client.http_response_code").tags("http_status", "404", "uri", "/videos/{id}")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.find("feign.Client").tags("uri", "/videos/{id}").timers())
                .isNotEmpty()
                .allSatisfy(timer -> assertThat(timer.getId().getTags()).extracting(Tag::getKey)
                        .doesNotContain("id"));
    }
}
