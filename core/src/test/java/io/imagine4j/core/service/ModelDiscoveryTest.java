package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.time.VirtualScheduler;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Capabilities from discovery: merged with the built-in table, fetched only when needed, cached. */
class ModelDiscoveryTest {

    final VirtualScheduler time = VirtualScheduler.create();
    final ScriptedProvider provider = new ScriptedProvider(time, ProviderFeature.MODEL_DISCOVERY);
    final VideoJobService jobs = VideoJobService.builder(provider).scheduler(time).settings(VideoJobServiceTest.exact()).build();

    @AfterEach
    void close() {
        jobs.close();
    }

    @Test
    void a_model_the_table_knows_needs_no_discovery() {
        assertThat(jobs.validate(VideoRequest.textToVideo("A fox").with(o -> o.withModel("video-text"))).isValid()).isTrue();
        assertThat(provider.modelCalls()).isZero();
    }

    @Test
    void a_discovered_model_runs_under_its_familys_rules_and_its_aliases_work() throws InterruptedException {
        provider.discovered = Either.right(List.of(
                ModelInfo.named("video-1").withAliases(List.of("video-latest")),
                ModelInfo.named("video-text-2-preview").withKinds(Set.of(RequestKind.TEXT_TO_VIDEO))));
        VideoRequest preview = VideoRequest.textToVideo("A fox").with(o -> o.withModel("video-text-2-preview")
                .withResolution(Resolution.P1080));
        assertThat(jobs.submit(preview).await(Duration.ofMinutes(1)).isRight())
                .as("1080p, which only the video-text family allows").isTrue();
        assertThat(jobs.validate(VideoRequest.textToVideo("A fox").with(o -> o.withModel("video-latest"))).get().model())
                .isEqualTo("video-latest");
        assertThat(jobs.capabilities().models()).containsKeys("video-1", "video-text", "video-text-2-preview");
        assertThat(provider.modelCalls()).as("the list is cached").isEqualTo(1);
    }

    @Test
    void a_model_nobody_knows_is_refused_naming_the_models_that_exist() {
        provider.discovered = Either.right(List.of(ModelInfo.named("video-2")));
        assertThatThrownBy(() -> jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withModel("no-such-model"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("model: no-such-model is not a model of scripted (allowed: video-1, video-text, video-2)");
        assertThat(provider.submitted()).isEmpty();
    }

    @Test
    void without_the_endpoint_the_table_stands_and_the_list_is_asked_again_only_after_the_cache_time() {
        provider.discovered = Either.left(JobFailure.of(FailureKind.NOT_FOUND, "http_404", "No such endpoint."));
        VideoRequest unknown = VideoRequest.textToVideo("A fox").with(o -> o.withModel("video-9"));
        assertThat(jobs.validate(unknown).isInvalid()).isTrue();
        assertThat(jobs.validate(unknown).isInvalid()).isTrue();
        assertThat(provider.modelCalls()).isEqualTo(1);
        assertThat(jobs.models().getLeft().code()).as("the failure, when nothing was ever fetched").isEqualTo("http_404");
        time.advance(Duration.ofHours(1));
        provider.discovered = Either.right(List.of(ModelInfo.named("video-9").withKinds(Set.of(RequestKind.TEXT_TO_VIDEO))));
        assertThat(jobs.validate(unknown).isValid()).isTrue();
        assertThat(jobs.models().get()).extracting(ModelInfo::id).contains("video-1", "video-9");
    }

    @Test
    void a_provider_without_discovery_lists_its_table() {
        try (VideoJobService plain = VideoJobService.builder(new ScriptedProvider(time)).scheduler(time).build()) {
            assertThat(plain.models().get()).extracting(ModelInfo::id).containsExactly("video-1", "video-text");
            assertThat(plain.models().get().get(1).kinds()).containsExactly(RequestKind.TEXT_TO_VIDEO);
        }
    }
}
