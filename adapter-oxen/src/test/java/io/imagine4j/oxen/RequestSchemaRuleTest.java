package io.imagine4j.oxen;

import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.scenario.Call;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A model's parameters are checked against its {@code request_schema} before anything is sent,
 * every violation at once and beside the core's own (Oxen itself would accept the request and fail
 * the generation minutes later).
 */
class RequestSchemaRuleTest {

    private static final String KLING = "kling-video-v2-6-pro-text-to-video";

    @Test
    void every_violation_of_the_schema_and_of_the_limits_comes_in_one_refusal_before_any_call() {
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoRequest request = VideoRequest.textToVideo("A fox, in shots").with(o -> o.withModel(KLING)
                    .withDurationSeconds(7)                                                   // the schema's enum: 5 or 10
                    .withExtra("multi_prompt", List.of("wakes", "yawns", "stretches", "sniffs", "trots", "sits", "sleeps"))
                    .withExtra("negative_prompt", 42));

            assertThatThrownBy(() -> hub.jobs.submit(request)).isInstanceOfSatisfying(InvalidRequestException.class, refusal -> {
                assertThat(refusal.violations()).extracting(Violation::field)
                        .containsExactlyInAnyOrder("duration", "multi_prompt", "negative_prompt");
                Violation items = refusal.violations().stream().filter(v -> v.field().equals("multi_prompt")).findFirst().get();
                assertThat(items.allowed()).isEqualTo("at most 6 items");
                assertThat(items.problem()).contains("request_schema of " + KLING);
                Violation type = refusal.violations().stream().filter(v -> v.field().equals("negative_prompt")).findFirst().get();
                assertThat(type.value()).isEqualTo("42");
                assertThat(type.allowed()).isEqualTo("a value of type string");
            });
            assertThat(hub.oxen.calls(Call.SUBMIT)).isZero();
            assertThat(hub.oxen.jobs()).isEmpty();
        }
    }

    @Test
    void a_value_the_built_in_limits_allow_but_the_schema_refuses_is_reported_by_the_schema() {
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoRequest request = VideoRequest.edit("Make it snow", MediaSource.url("https://cdn.example/clip.mp4"))
                    .with(o -> o.withResolution(Resolution.P1080).withExtra("resolution_hint", "x"));
            assertThatThrownBy(() -> hub.jobs.submit(request)).isInstanceOfSatisfying(InvalidRequestException.class, refusal ->
                    // 1080p is outside the edit model's limits: reported once, by the core, not again by the schema
                    assertThat(refusal.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("resolution");
                        assertThat(v.problem()).doesNotContain("request_schema");
                    }));
        }
    }

    @Test
    void a_models_schema_is_fetched_once_unless_the_model_list_brought_it() throws InterruptedException {
        try (OxenSimulator oxen = OxenSimulator.start(); OxenVideoProvider provider = SimulatedHub.provider(oxen).build()) {
            for (int i = 0; i < 3; i++) {
                Submission.of(SubmissionKey.random(), PushCompletionTest.edit("Make it snow " + i), provider.capabilities());
            }
            assertThat(oxen.journal().entries(entry -> entry.path().equals("/api/ai/models/" + OxenCapabilities.EDIT_MODEL)))
                    .as("fetches of the edit model's schema").hasSize(1);
        }
        try (SimulatedHub hub = SimulatedHub.start()) { // the service reads the model list (for prices) when it starts
            for (int i = 0; i < 3; i++) {
                hub.jobs.submit(PushCompletionTest.edit("Make it snow " + i)).awaitAccepted(java.time.Duration.ofSeconds(10)).get();
            }
            assertThat(hub.oxen.journal().entries(entry -> entry.path().startsWith("/api/ai/models/"))).isEmpty();
            assertThat(hub.oxen.journal().entries(entry -> entry.path().equals("/api/ai/models"))).hasSize(1);
        }
    }

    @Test
    void extras_may_not_shadow_the_fields_set_from_the_request() {
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoRequest shadowing = PushCompletionTest.edit("x").with(o -> o.withExtra("duration", 3));
            assertThatThrownBy(() -> hub.jobs.submit(shadowing)).isInstanceOfSatisfying(InvalidRequestException.class, refusal ->
                    assertThat(refusal.violations()).anySatisfy(v -> {
                        assertThat(v.field()).isEqualTo("extras");
                        assertThat(v.problem()).contains("[duration]");
                    }));
            assertThat(hub.oxen.calls(Call.SUBMIT)).isZero();
        }
    }

    @Test
    void the_synchronous_generate_makes_one_video_and_knows_two_formats() {
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoRequest several = PushCompletionTest.edit("x").with(OxenExtras.synchronous()).with(o -> o.withGenerations(2));
            VideoRequest unknownFormat = PushCompletionTest.edit("x").with(o -> o.withExtra(OxenExtras.SYNCHRONOUS, "gif"));
            assertThatThrownBy(() -> hub.jobs.submit(several)).isInstanceOfSatisfying(InvalidRequestException.class, refusal ->
                    assertThat(refusal.violations()).extracting(Violation::field).containsExactly("generations"));
            assertThatThrownBy(() -> hub.jobs.submit(unknownFormat)).isInstanceOfSatisfying(InvalidRequestException.class, refusal ->
                    assertThat(refusal.violations()).extracting(Violation::allowed).containsExactly("url or b64_json"));
            assertThat(hub.oxen.calls(Call.SUBMIT)).isZero();
        }
    }
}
