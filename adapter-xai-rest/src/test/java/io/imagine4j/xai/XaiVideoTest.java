package io.imagine4j.xai;

import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.http.auth.InsecureBaseUrlException;
import io.imagine4j.http.auth.MissingApiKeyException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XaiVideoTest {

    @Test
    void the_key_comes_from_xai_api_key_and_its_absence_names_the_variable() {
        assertThatThrownBy(() -> XaiVideo.builder().fromEnvironment(Map.<String, String>of()::get).build())
                .isInstanceOf(MissingApiKeyException.class).hasMessageContaining("XAI_API_KEY");
        XaiVideoProvider xai = XaiVideo.builder().fromEnvironment(Map.of("XAI_API_KEY", "k")::get).build();
        assertThat(xai.name()).isEqualTo("xai");
    }

    @Test
    void the_base_url_may_come_from_xai_base_url_and_must_be_https_unless_loopback() {
        assertThatThrownBy(() -> XaiVideo.builder().fromEnvironment(Map.of("XAI_API_KEY", "k",
                "XAI_BASE_URL", "http://api.example.com/v1")::get).build()).isInstanceOf(InsecureBaseUrlException.class);
        assertThat(XaiVideo.builder().fromEnvironment(Map.of("XAI_API_KEY", "k",
                "XAI_BASE_URL", "http://127.0.0.1:8089/xai/v1")::get).build()).isNotNull();
    }

    @Test
    void the_key_never_prints() {
        assertThat(XaiVideo.withApiKey("xai-very-secret").toString()).doesNotContain("secret");
    }

    @Test
    void the_two_models_differ_in_1080p_and_share_every_kind() {
        ProviderCapabilities caps = XaiVideo.withApiKey("k").capabilities();
        assertThat(caps.defaultModel()).isEqualTo("grok-imagine-video");
        assertThat(caps.models().get("grok-imagine-video").limits(RequestKind.TEXT_TO_VIDEO).get().resolutions())
                .doesNotContain(Resolution.P1080);
        assertThat(caps.models().get("grok-imagine-video-1.5").limits(RequestKind.TEXT_TO_VIDEO).get().resolutions())
                .contains(Resolution.P1080);
        assertThat(caps.models().values()).allSatisfy(model -> assertThat(model.supportedKinds())
                .containsExactlyInAnyOrder(RequestKind.TEXT_TO_VIDEO, RequestKind.IMAGE_TO_VIDEO, RequestKind.EDIT, RequestKind.EXTEND));
        assertThat(caps.features()).containsExactly(io.imagine4j.core.model.ProviderFeature.MODEL_DISCOVERY);
    }
}
