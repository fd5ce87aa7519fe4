package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiModel;
import io.imagine4j.testkit.xai.XaiSettings;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.vavr.control.Either;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code GET /video-generation-models} as the port's {@code models()}, merged into the capabilities
 * the service checks against: a preview model the built-in table does not know runs under its
 * family's rules, by its id or its alias; without the endpoint (a gateway) the table stands.
 */
class XaiModelDiscoveryTest {

    private static final String PREVIEW = "grok-imagine-video-1.5-preview";
    private static final String PREVIEW_ALIAS = "grok-imagine-video-1.5-2026-05-30";

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    XaiSimulator sim;
    XaiVideoProvider xai;

    @BeforeEach
    void connect() {
        sim = XAI.get();
        xai = XaiVideo.builder().apiKey("test-key").baseUrl(sim.baseUrl()).build();
    }

    @Test
    void the_provider_lists_every_model_with_aliases_and_the_kinds_its_inputs_declare() {
        assertThat(xai.capabilities().supports(ProviderFeature.MODEL_DISCOVERY)).isTrue();
        List<ModelInfo> models = xai.models().get();
        assertThat(models).extracting(ModelInfo::id).containsExactly("grok-imagine-video", "grok-imagine-video-1.5", PREVIEW);
        ModelInfo preview = models.get(2);
        assertThat(preview.aliases()).containsExactly(PREVIEW_ALIAS);
        assertThat(preview.kinds()).containsExactlyInAnyOrder(RequestKind.TEXT_TO_VIDEO, RequestKind.IMAGE_TO_VIDEO);
        assertThat(preview.details()).containsEntry("owned_by", "xai").containsEntry("input_modalities", "text, image");
        assertThat(sim.calls(Call.MODELS)).isEqualTo(1);
    }

    @Test
    void one_model_is_found_by_its_id_or_an_alias() {
        assertThat(xai.model(PREVIEW_ALIAS).get().id()).isEqualTo(PREVIEW);
        assertThat(xai.model("grok-imagine-video").get().aliases()).isEmpty();
        JobFailure unknown = xai.model("grok-9").getLeft();
        assertThat(unknown.kind()).isEqualTo(FailureKind.NOT_FOUND);
    }

    @Test
    void a_discovered_preview_runs_under_its_familys_rules_through_the_service() throws Exception {
        try (VideoJobs jobs = VideoJobService.builder(xai).build()) {
            // 1080p is a rule of the 1.5 family, which the built-in table gives only to grok-imagine-video-1.5.
            VideoJob job = jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withModel(PREVIEW).withResolution(Resolution.P1080)));
            job.accepted().get(10, TimeUnit.SECONDS);
            assertThat(jobs.capabilities().model(io.vavr.control.Option.some(PREVIEW))).isNotEmpty();
            jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withModel(PREVIEW_ALIAS).withDurationSeconds(3)))
                    .accepted().get(10, TimeUnit.SECONDS);
            // Its declared inputs are text and image: an edit is refused before anything is sent.
            assertThatThrownBy(() -> jobs.submit(VideoRequest.edit("Snow", MediaSource.url("https://example.com/a.mp4"))
                    .with(o -> o.withModel(PREVIEW)))).isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("is not offered by xai model " + PREVIEW);
            assertThatThrownBy(() -> jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withResolution(Resolution.P1080))))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("1080p");
            assertThat(jobs.models().get()).extracting(ModelInfo::id).contains(PREVIEW);
        }
        assertThat(sim.jobs()).extracting(job -> job.params().model())
                .containsExactly(XaiModel.GROK_IMAGINE_VIDEO_1_5_PREVIEW, XaiModel.GROK_IMAGINE_VIDEO_1_5_PREVIEW);
        assertThat(sim.jobs().get(0).params().resolution()).contains("1080p");
        assertThat(sim.journal().entries(e -> e.path().equals("/v1/video-generation-models"))).hasSize(1); // cached
    }

    @Test
    void without_the_endpoint_models_answers_a_left_and_the_built_in_table_stands() throws Exception {
        try (XaiSimulator gateway = XaiSimulator.start(SimulatorOptions.forTests(), XaiSettings.defaults().withoutModelsEndpoint());
             XaiVideoProvider viaGateway = XaiVideo.builder().apiKey("k").baseUrl(gateway.baseUrl()).build();
             VideoJobs jobs = VideoJobService.builder(viaGateway).build()) {
            Either<JobFailure, List<ModelInfo>> models = viaGateway.models();
            assertThat(models.getLeft().kind()).isEqualTo(FailureKind.NOT_FOUND);
            assertThat(models.getLeft().message()).contains("no model list").contains("grok-imagine-video-1.5");

            jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withModel("grok-imagine-video-1.5"))).accepted().get(10, TimeUnit.SECONDS);
            assertThat(jobs.models().isLeft()).isTrue();
            assertThatThrownBy(() -> jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withModel(PREVIEW))))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("is not a model of xai");
            assertThat(gateway.jobs()).hasSize(1);
            assertThat(Set.copyOf(jobs.capabilities().modelNames())).containsExactlyInAnyOrder("grok-imagine-video", "grok-imagine-video-1.5");
        }
    }
}
