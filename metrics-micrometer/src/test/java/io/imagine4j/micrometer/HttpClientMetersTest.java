package io.imagine4j.micrometer;

import feign.Param;
import feign.RequestLine;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.ApiKey;
import io.imagine4j.http.client.ApiClients;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.imagine4j.openai.OpenAiVideos;
import io.imagine4j.oxen.OxenHub;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.xai.XaiVideo;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HttpClientMetersTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    /** One endpoint of the simulated xAI API, enough to see the meters' tags. */
    interface ModelApi {
        @RequestLine("GET /video-generation-models/{model_id}")
        ApiResponse<Model> model(@Param("model_id") String id);

        record Model(String id) {
        }
    }

    @Test
    void an_adapter_writer_adds_the_capability_and_meters_are_tagged_with_the_uri_template_never_the_id() {
        XaiSimulator sim = XAI.get();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ModelApi api = ApiClients.builder(sim.baseUrl())
                .credentials(ApiCredentials.bearer(sim.baseUrl(), ApiKey.of("test-key")))
                .capability(HttpClientMeters.capability(registry))
                .build(ModelApi.class);

        assertThat(api.model("grok-imagine-video").status()).isEqualTo(200);
        assertThat(api.model("no-such-model").status()).isEqualTo(404);

        List<Meter> meters = registry.getMeters();
        assertThat(meters).isNotEmpty();
        List<String> tagValues = meters.stream().flatMap(m -> m.getId().getTags().stream()).map(Tag::getValue).toList();
        assertThat(tagValues).noneMatch(value -> value.contains("grok-imagine-video") || value.contains("no-such-model"));
        assertThat(meters).anySatisfy(meter -> assertThat(meter.getId().getTag("uri")).isEqualTo("/video-generation-models/{model_id}"));
        assertThat(registry.find("feign.Client.http_response_code")
                .tags("http_status", "404", "uri", "/video-generation-models/{model_id}").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("feign.Client").tags("uri", "/video-generation-models/{model_id}").timers())
                .isNotEmpty()
                .allSatisfy(timer -> assertThat(timer.getId().getTags()).extracting(Tag::getKey).doesNotContain("model_id"));
    }

    @Test
    void an_application_gives_the_meters_to_the_xai_adapter_without_naming_feign() {
        XaiSimulator sim = XAI.get();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        VideoProvider xai = XaiVideo.builder().apiKey("test-key").baseUrl(sim.baseUrl())
                .httpCapability(HttpClientMeters.on(registry))
                .build();

        assertThat(xai.poll(JobId.of("xai", "req-unknown")).isLeft()).isTrue();

        assertThat(registry.find("feign.Client.http_response_code").tags("http_status", "404", "uri", "/videos/{request_id}")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream()).map(Tag::getValue))
                .noneMatch(value -> value.contains("req-unknown") || value.contains("test-key"));
    }

    @Test
    void the_openai_and_oxen_adapters_take_the_meters_the_same_way() {
        try (OpenAiSimulator openai = OpenAiSimulator.start(); OxenSimulator oxen = OxenSimulator.start()) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            VideoProvider compatible = OpenAiVideos.builder().apiKey("test-key").baseUrl(openai.baseUrl())
                    .httpCapability(HttpClientMeters.on(registry)).build();
            VideoProvider hub = OxenHub.builder().apiKey("test-key").baseUrl(oxen.baseUrl()).push(false)
                    .httpCapability(HttpClientMeters.on(registry)).build();

            assertThat(compatible.poll(JobId.of("openai", "video_unknown")).isLeft()).isTrue();
            assertThat(hub.poll(JobId.of("oxen", "gen-unknown")).isLeft()).isTrue();

            assertThat(registry.find("feign.Client").tags("uri", "/videos/{video_id}").timers()).isNotEmpty();
            assertThat(registry.find("feign.Client").tags("uri", "/ai/queue/{generation_id}").timers()).isNotEmpty();
            assertThat(registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream()).map(Tag::getValue))
                    .noneMatch(value -> value.contains("unknown") || value.contains("test-key"));
        }
    }
}
