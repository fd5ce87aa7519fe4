package io.imagine4j.oxen;

import io.imagine4j.core.cost.CostEstimate;
import io.imagine4j.core.cost.Price;
import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /ai/models}: the hub's video models with the kinds their inputs declare and the limits
 * their {@code request_schema} give, merged by the service with the built-in table, so a request
 * that names no model runs on the right one; and their prices, dated and sourced.
 */
class ModelsAndPricesTest {

    @Test
    void discovered_models_carry_kinds_from_their_inputs_and_limits_from_their_schemas() {
        try (OxenSimulator oxen = OxenSimulator.start(); OxenVideoProvider provider = SimulatedHub.provider(oxen).build()) {
            assertThat(provider.capabilities().supports(ProviderFeature.MODEL_DISCOVERY)).isTrue();
            Map<String, ModelInfo> models = provider.models().get().stream()
                    .collect(Collectors.toMap(ModelInfo::id, Function.identity()));

            assertThat(models).containsOnlyKeys("xai-grok-imagine-video", OxenCapabilities.EDIT_MODEL,
                    OxenCapabilities.IMAGE_TO_VIDEO_MODEL, "kling-video-v2-6-pro-text-to-video");
            assertThat(models.get("xai-grok-imagine-video").kinds()).containsExactlyInAnyOrder(RequestKind.TEXT_TO_VIDEO,
                    RequestKind.IMAGE_TO_VIDEO);
            assertThat(models.get(OxenCapabilities.EDIT_MODEL).kinds()).containsExactly(RequestKind.EDIT);
            assertThat(models.get(OxenCapabilities.IMAGE_TO_VIDEO_MODEL).kinds())
                    .as("an image it requires: no text-to-video").containsExactly(RequestKind.IMAGE_TO_VIDEO);

            RequestLimits grok = models.get("xai-grok-imagine-video").capabilities().get().limits(RequestKind.TEXT_TO_VIDEO).get();
            assertThat(grok.durations()).containsExactlyElementsOf(range(1, 15));
            assertThat(grok.defaultDuration()).contains(8);
            assertThat(grok.aspectRatios()).contains(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16).hasSize(7);
            assertThat(grok.resolutions()).containsExactly(Resolution.P480, Resolution.P720);
            assertThat(grok.maxGenerations()).isEqualTo(12);
            assertThat(grok.seed()).isTrue();
            RequestLimits kling = models.get("kling-video-v2-6-pro-text-to-video").capabilities().get()
                    .limits(RequestKind.TEXT_TO_VIDEO).get();
            assertThat(kling.durations()).containsExactly(5, 10);
            assertThat(kling.audio()).isTrue();
            assertThat(kling.promptRequired()).as("prompt or multi_prompt").isFalse();
            assertThat(models.get(OxenCapabilities.EDIT_MODEL).details()).containsEntry("price", "$0.05 per output second");
        }
    }

    @Test
    void a_request_naming_no_model_runs_on_the_model_its_kind_needs() {
        try (SimulatedHub hub = SimulatedHub.start()) {
            assertThat(hub.jobs.validate(VideoRequest.textToVideo("A fox")).get().model()).isEqualTo("xai-grok-imagine-video");
            assertThat(hub.jobs.validate(PushCompletionTest.edit("Make it snow")).get().model()).isEqualTo(OxenCapabilities.EDIT_MODEL);
            assertThat(hub.jobs.validate(VideoRequest.imageToVideo("It moves",
                    io.imagine4j.core.model.MediaSource.url("https://cdn.example/first.png"))).get().model())
                    .isEqualTo(OxenCapabilities.IMAGE_TO_VIDEO_MODEL);
            assertThat(hub.jobs.models().get()).extracting(ModelInfo::id).contains("xai-grok-imagine-video",
                    "kling-video-v2-6-pro-text-to-video");
        }
    }

    @Test
    void prices_come_from_the_models_pricing_dated_and_sourced_and_drive_estimates() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);
        try (OxenSimulator oxen = OxenSimulator.start();
             OxenVideoProvider provider = SimulatedHub.provider(oxen).clock(clock).build()) {
            Option<Price> edit = provider.prices().find("oxen", OxenCapabilities.EDIT_MODEL, Option.none());
            assertThat(edit.get().usdPerSecond()).isEqualByComparingTo("0.05");
            assertThat(edit.get().asOf()).isEqualTo(LocalDate.of(2026, 11, 2));
            assertThat(edit.get().source()).isEqualTo(OxenModels.PRICE_SOURCE);
            assertThat(provider.prices().prices().map(Price::model).toJavaSet()).hasSize(4);
        }
        try (SimulatedHub hub = SimulatedHub.start()) {
            Either<String, CostEstimate> estimate = hub.jobs.estimate(VideoRequest.textToVideo("A fox")
                    .with(o -> o.withDurationSeconds(6).withGenerations(2)));
            assertThat(estimate.get().usd()).isEqualByComparingTo(new BigDecimal("0.60"));
        }
    }

    @Test
    void without_a_model_list_there_is_no_price_and_the_built_in_table_stands() {
        try (OxenSimulator oxen = OxenSimulator.start();
             OxenVideoProvider provider = OxenHub.builder().apiKey("k").baseUrl(oxen.baseUrl().resolve("/nowhere/api")).build()) {
            assertThat(provider.prices().prices()).isEmpty();
            assertThat(provider.models().isLeft()).isTrue();
            assertThat(provider.capabilities().models().keySet())
                    .containsExactly(OxenCapabilities.IMAGE_TO_VIDEO_MODEL, OxenCapabilities.EDIT_MODEL);
        }
    }

    private static List<Integer> range(int first, int last) {
        return java.util.stream.IntStream.rangeClosed(first, last).boxed().toList();
    }
}
