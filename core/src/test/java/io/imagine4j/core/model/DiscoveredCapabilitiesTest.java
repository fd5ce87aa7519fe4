package io.imagine4j.core.model;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in table merged with the models a provider answers at run time. */
class DiscoveredCapabilitiesTest {

    final ProviderCapabilities table = SampleCapabilities.xaiLike();

    @Test
    void a_known_model_keeps_its_rules_and_gains_its_aliases() {
        ProviderCapabilities merged = table.withDiscovered(List.of(ModelInfo.named("video-1").withAliases(List.of("v1", "latest"))));
        assertThat(merged.model(Option.some("latest")).get()).isEqualTo(table.models().get("video-1").renamed("latest"));
        assertThat(merged.modelNames()).containsExactly("video-1", "video-text", "v1", "latest");
    }

    @Test
    void an_unknown_model_runs_under_its_family_or_the_rules_its_adapter_derived_restricted_to_its_inputs() {
        ModelCapabilities derived = ModelCapabilities.named("studio").kind(RequestKind.TEXT_TO_VIDEO,
                RequestLimits.builder().durations(4, 8).build());
        ProviderCapabilities merged = table.withDiscovered(List.of(
                ModelInfo.named("video-1-preview").withKinds(Set.of(RequestKind.TEXT_TO_VIDEO, RequestKind.EDIT)),
                ModelInfo.named("studio").withCapabilities(derived),
                ModelInfo.named("mystery")));
        assertThat(merged.models().get("video-1-preview").supportedKinds())
                .containsExactlyInAnyOrder(RequestKind.TEXT_TO_VIDEO, RequestKind.EDIT);
        assertThat(merged.models().get("video-1-preview").limits(RequestKind.EDIT))
                .isEqualTo(table.models().get("video-1").limits(RequestKind.EDIT));
        assertThat(merged.models().get("studio").limits(RequestKind.TEXT_TO_VIDEO).get().durations()).containsExactly(4, 8);
        assertThat(merged.models().get("mystery").supportedKinds()).as("no family: the default model's rules")
                .isEqualTo(table.models().get("video-1").supportedKinds());
        assertThat(merged.defaultModel()).isEqualTo("video-1");
    }
}
