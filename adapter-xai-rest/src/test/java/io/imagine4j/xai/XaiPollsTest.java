package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.json.ApiJson;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.http.response.ResponseHeaders;
import io.imagine4j.xai.wire.VideoModel;
import io.imagine4j.xai.wire.VideoStatus;
import io.vavr.control.Either;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poll answers the xAI simulator never sends because xAI never does, but gateways in front of it
 * do: their statuses must be read by meaning, and unknown ones as "not finished".
 */
class XaiPollsTest {

    private static final JobId ID = JobId.of("xai", "req-1");
    private static final ErrorClassifier ERRORS = ErrorClassifier.forProvider("xAI");

    static Either<JobFailure, JobUpdate> answer(int status, String body, Map<String, List<String>> headers) {
        return XaiPolls.interpret(ApiResponse.of(status, ResponseHeaders.of(headers), body.getBytes(StandardCharsets.UTF_8),
                VideoStatus.class, ApiJson.mapper(), "GET http://gateway/v1/videos/req-1"), ID, ERRORS);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "queued, QUEUED",
        "pending, QUEUED",
        "processing, RUNNING",
        "in_progress, RUNNING",
        "warming_up, RUNNING",
        "cancelled, CANCELLED",
        "expired, EXPIRED"})
    void gateway_and_unknown_statuses_are_read_by_meaning(String wire, JobStatus expected) {
        JobUpdate update = answer(200, "{\"status\":\"" + wire + "\"}", Map.of()).get();
        assertThat(update.status()).isEqualTo(expected);
        assertThat(update.rawStatus()).isEqualTo(wire);
    }

    @Test
    void completed_from_a_gateway_is_done() {
        JobUpdate update = answer(200, "{\"status\":\"completed\",\"video\":{\"url\":\"https://cdn.example/v.mp4\","
                + "\"duration\":6,\"respect_moderation\":true},\"unknown_field\":1}", Map.of()).get();
        assertThat(update.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(update.result().get().duration()).contains(Duration.ofSeconds(6));
    }

    @Test
    void progress_outside_0_to_100_is_clamped_and_a_retry_after_becomes_the_poll_hint() {
        JobUpdate update = answer(202, "{\"status\":\"pending\",\"progress\":140}", Map.of("Retry-After", List.of("4"))).get();
        assertThat(update.progress()).contains(100);
        assertThat(update.pollAfter()).contains(Duration.ofSeconds(4));
    }

    @Test
    void a_failure_without_an_error_object_still_explains_itself() {
        JobFailure failure = answer(200, "{\"status\":\"failed\"}", Map.of()).get().failure().get();
        assertThat(failure.kind()).isEqualTo(FailureKind.PROVIDER_ERROR);
        assertThat(failure.message()).contains("without a reason");
        assertThat(failure.jobId()).contains(ID);
    }

    @Test
    void an_unreadable_body_is_a_protocol_failure() {
        assertThat(answer(200, "{\"status\":", Map.of()).getLeft().kind()).isEqualTo(FailureKind.PROTOCOL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"file:///etc/passwd", "jar:file:/x.jar!/v.mp4", "javascript:alert(1)", "/relative/v.mp4", "http://", "not a url"})
    void a_done_answer_whose_url_a_download_cannot_fetch_is_a_protocol_failure_not_a_result(String url) {
        JobFailure failure = answer(200, "{\"status\":\"done\",\"video\":{\"url\":\"" + url + "\",\"duration\":6}}",
                Map.of()).getLeft();
        assertThat(failure.kind()).isEqualTo(FailureKind.PROTOCOL);
        assertThat(failure.code()).isEqualTo("unreadable_video_url");
    }

    @Test
    void a_models_broken_fields_are_left_out_not_thrown() {
        ModelInfo model = XaiModels.info(new VideoModel("grok-imagine-video", null,
                Long.MIN_VALUE, "model", "xai", null, List.of("text"), List.of("video"), List.of()));
        assertThat(model.details()).doesNotContainKey("created");
        ModelInfo holey = XaiModels.info(new VideoModel("grok-imagine-video", null, null, "model", "xai", null,
                Arrays.asList(null, "text"), Arrays.asList("video", null), Arrays.asList(null, "grok")));
        assertThat(holey.aliases()).containsExactly("grok");
        assertThat(holey.kinds()).containsExactly(RequestKind.TEXT_TO_VIDEO);
    }
}
