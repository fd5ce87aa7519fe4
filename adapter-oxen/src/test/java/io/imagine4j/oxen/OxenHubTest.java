package io.imagine4j.oxen;

import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.http.auth.InsecureBaseUrlException;
import io.imagine4j.http.auth.MissingApiKeyException;
import io.imagine4j.testkit.oxen.OxenSimulator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration: the key, base URL and upload repository from the environment, or the builder. */
class OxenHubTest {

    @Test
    void the_environment_gives_the_key_and_optionally_the_base_url_and_the_upload_repository() {
        try (OxenSimulator oxen = OxenSimulator.start()) {
            OxenVideoProvider provider = OxenHub.builder().fromEnvironment(Map.of(
                    OxenHub.API_KEY_VARIABLE, "oxen-key-from-env",
                    OxenHub.BASE_URL_VARIABLE, oxen.baseUrl().toString(),
                    OxenHub.UPLOAD_REPOSITORY_VARIABLE, "me/inputs/uploads")::get).build();
            assertThat(provider.name()).isEqualTo("oxen");
            assertThat(provider.models().isRight()).as("the models of the simulator, reached with the key").isTrue();
            assertThat(provider.capabilities().model(io.vavr.control.Option.some(OxenCapabilities.EDIT_MODEL)).get()
                    .limits(RequestKind.EDIT).get().inputSources()).contains(MediaSource.Kind.FILE, MediaSource.Kind.BYTES);
            assertThat(oxen.journal().entries()).allSatisfy(entry ->
                    assertThat(entry.headers().first("Authorization")).contains("Bearer oxen-key-from-env"));
        }
    }

    @Test
    void without_a_key_the_error_names_the_variable_and_a_plain_http_base_url_must_be_loopback() {
        assertThatThrownBy(() -> OxenHub.builder().fromEnvironment(Map.<String, String>of()::get))
                .isInstanceOf(MissingApiKeyException.class).hasMessageContaining(OxenHub.API_KEY_VARIABLE);
        assertThatThrownBy(() -> OxenHub.builder().apiKey("k").baseUrl("http://hub.example.com/api").build())
                .isInstanceOf(InsecureBaseUrlException.class);
        assertThat(OxenHub.DEFAULT_BASE_URL).hasToString("https://hub.oxen.ai/api");
    }

    @Test
    void the_features_follow_the_configuration() {
        OxenVideoProvider pushing = OxenHub.builder().apiKey("k").build();
        OxenVideoProvider polling = OxenHub.builder().apiKey("k").push(false).build();
        assertThat(pushing.capabilities().features()).containsExactlyInAnyOrder(ProviderFeature.CANCEL, ProviderFeature.LIST,
                ProviderFeature.MODEL_DISCOVERY, ProviderFeature.PUSH_EVENTS);
        assertThat(pushing.eventSource().isDefined()).isTrue();
        assertThat(polling.capabilities().supports(ProviderFeature.PUSH_EVENTS)).isFalse();
        assertThat(polling.eventSource().isEmpty()).isTrue();
        assertThat(pushing.capabilities().model(io.vavr.control.Option.none()).get().limits(RequestKind.IMAGE_TO_VIDEO).get()
                .inputSources()).as("no repository: inputs by URL or previous result only")
                .containsExactlyInAnyOrder(MediaSource.Kind.URL, MediaSource.Kind.RESULT);
        assertThat(pushing.toString()).doesNotContain("k]");
    }

    @Test
    void a_repository_is_namespace_and_repo_with_an_optional_branch() {
        assertThat(OxenRepository.parse("ox/clips")).isEqualTo(new OxenRepository("ox", "clips", "main", "imagine4j-inputs"));
        assertThat(OxenRepository.parse("ox/clips/dev").branch()).isEqualTo("dev");
        assertThat(OxenRepository.of("ox", "clips").inDirectory("/a/b/").directory()).isEqualTo("a/b");
        assertThatThrownBy(() -> OxenRepository.parse("ox")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OxenRepository.of("ox", "clips").inDirectory("a/../b")).isInstanceOf(IllegalArgumentException.class);
    }
}
