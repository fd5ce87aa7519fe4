package io.imagine4j.openai;

import io.imagine4j.core.model.CapabilityCheck;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.http.auth.AuthScheme;
import io.imagine4j.http.auth.InsecureBaseUrlException;
import io.imagine4j.http.auth.MissingApiKeyException;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.sim.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static io.imagine4j.openai.OpenAiVideoProviderTest.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building the provider: keys, base URLs, auth schemes, extra headers, models and what it declares. */
class OpenAiVideosTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(OpenAiSimulator::start);

    @Test
    void the_environment_gives_the_key_and_the_base_url() {
        OpenAiSimulator sim = OPENAI.get();
        OpenAiVideoProvider openai = OpenAiVideos.builder().fromEnvironment(Map.of("OPENAI_API_KEY", "sk-env-0123456789",
                "OPENAI_BASE_URL", sim.baseUrl().toString())::get).build();

        submit(openai, VideoRequest.textToVideo("A fox"));

        assertThat(sim.journal().entries().get(0).headers().first("Authorization").get()).isEqualTo("Bearer sk-env-0123456789");
        assertThatThrownBy(() -> OpenAiVideos.builder().fromEnvironment(Map.<String, String>of()::get))
                .isInstanceOf(MissingApiKeyException.class).hasMessageContaining("OPENAI_API_KEY");
        assertThat(OpenAiVideos.builder().apiKey("k").build().toString()).contains("https://api.openai.com");
    }

    @Test
    void azure_takes_the_key_in_an_api_key_header_and_extra_headers_go_with_every_call() {
        OpenAiSimulator sim = OPENAI.get();
        OpenAiVideoProvider azure = OpenAiVideos.builder().apiKey("azure-0123456789").baseUrl(sim.baseUrl())
                .authScheme(AuthScheme.API_KEY_HEADER).header("OpenAI-Project", "proj_1").build();

        JobId id = submit(azure, VideoRequest.textToVideo("A fox"));
        azure.poll(id);
        azure.list(io.imagine4j.core.port.out.JobQuery.all());

        assertThat(sim.journal().entries()).hasSize(3).allSatisfy((JournalEntry e) -> {
            assertThat(e.headers().first("api-key").get()).isEqualTo("azure-0123456789");
            assertThat(e.headers().has("Authorization")).isFalse();
            assertThat(e.headers().first("OpenAI-Project").get()).isEqualTo("proj_1");
        });
    }

    @Test
    void credentials_and_transport_headers_cannot_be_smuggled_as_extra_headers_and_http_is_for_loopback_only() {
        assertThatThrownBy(() -> OpenAiVideos.builder().header("Authorization", "Bearer x")).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> OpenAiVideos.builder().header("api-key", "x")).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> OpenAiVideos.builder().header("Content-Length", "1")).hasMessageContaining("transport");
        assertThatThrownBy(() -> OpenAiVideos.builder().header("X-A", "1\r\nX-B: 2")).hasMessageContaining("line break");
        assertThatThrownBy(() -> OpenAiVideos.builder().apiKey("k").baseUrl("http://gateway.example.com/v1").build())
                .isInstanceOf(InsecureBaseUrlException.class);
    }

    @Test
    void capabilities_declare_list_delete_and_the_previews_but_no_cancel() {
        OpenAiVideoProvider openai = OpenAiVideos.builder().apiKey("k").build();

        assertThat(openai.capabilities().features()).containsExactlyInAnyOrder(ProviderFeature.LIST, ProviderFeature.DELETE);
        assertThat(openai.capabilities().variants()).contains(ContentVariant.THUMBNAIL, ContentVariant.SPRITESHEET);
        assertThat(openai.capabilities().modelNames()).contains("sora-2", "sora-2-pro", "sora-2-pro-2025-10-06");
        assertThat(openai.capabilities().model(io.vavr.control.Option.some("sora-2")).get().supportedKinds())
                .containsExactlyInAnyOrder(RequestKind.values());
        assertThatThrownBy(() -> openai.cancel(JobId.of("openai", "video_1"))).isInstanceOf(UnsupportedCapabilityException.class);
        assertThat(openai.prices().prices()).hasSize(4).allSatisfy(p -> assertThat(p.source()).contains("2026-09-24"));
        assertThat(OpenAiVideos.builder().apiKey("k").name("azure").build().prices().prices()).isEmpty();
    }

    @Test
    void a_gateway_declares_its_own_models_durations_and_any_other_model_name() {
        OpenAiVideoProvider gateway = OpenAiVideos.builder().apiKey("k").name("gateway")
                .model(OpenAiModels.withDurations(OpenAiModels.sora2().renamed("veo-like"), 5, 10))
                .otherModels(OpenAiModels.sora2()).build();

        assertThat(CapabilityCheck.check(VideoRequest.textToVideo("A fox").with(o -> o.withModel("veo-like").withDurationSeconds(10)),
                gateway.capabilities()).isValid()).isTrue();
        assertThat(CapabilityCheck.check(VideoRequest.textToVideo("A fox").with(o -> o.withModel("veo-like").withDurationSeconds(8)),
                gateway.capabilities()).isValid()).isFalse();
        assertThat(CapabilityCheck.check(VideoRequest.textToVideo("A fox").with(o -> o.withModel("whatever-routes")),
                gateway.capabilities()).isValid()).isTrue();
        assertThat(CapabilityCheck.check(VideoRequest.textToVideo("A fox").with(o -> o.withModel("whatever")),
                OpenAiVideos.builder().apiKey("k").build().capabilities()).isValid()).isFalse();
    }

    @Test
    void json_bodies_take_videos_to_edit_by_id_only() {
        OpenAiVideoProvider json = OpenAiVideos.builder().apiKey("k").encoding(BodyEncoding.JSON).build();

        assertThat(CapabilityCheck.check(VideoRequest.edit("Snow", io.imagine4j.core.model.MediaSource.bytes(
                io.imagine4j.testkit.contract.SampleInputs.mp4())), json.capabilities()).isValid()).isFalse();
        assertThat(CapabilityCheck.check(VideoRequest.edit("Snow", io.imagine4j.core.model.MediaSource.ofJob(
                JobId.of("openai", "video_1"))), json.capabilities()).isValid()).isTrue();
    }
}
