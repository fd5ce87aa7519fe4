package io.imagine4j.oxen;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.JobId;
import io.imagine4j.http.json.ApiJson;
import io.imagine4j.oxen.wire.CompletionEvent;
import io.imagine4j.oxen.wire.GenerationRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How Oxen's rows and events read: statuses, results, and failure kinds from Oxen's sentences (it sends no codes). */
class OxenPollsTest {

    private static final JobId ID = JobId.of("oxen", "g1");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The generated video was rejected by the provider's content moderation. | MODERATION | content_moderated",
        "Invalid parameters for model m: resolution must be one of auto, 480p, 720p; got \"1080p\". | INVALID_REQUEST | invalid_params",
        "Could not download input_video from https://x/clip.mp4: HTTP 404. | INVALID_REQUEST | invalid_input",
        "The generation timed out before the provider returned a video. | EXPIRED | expired",
        "Insufficient credits for namespace me. | QUOTA | insufficient_credits",
        "The video model crashed while rendering. | PROVIDER_ERROR | generation_failed"})
    void a_failures_kind_is_read_from_oxens_sentence(String message, FailureKind kind, String code) throws JsonProcessingException {
        JobUpdate update = OxenPolls.fromRow(row("{\"generation_id\":\"g1\",\"status\":\"failed\",\"error_message\":"
                + ApiJson.mapper().writeValueAsString(message) + "}"), ID).get();
        assertThat(update.status()).isEqualTo(JobStatus.FAILED);
        assertThat(update.failure().get().kind()).isEqualTo(kind);
        assertThat(update.failure().get().code()).isEqualTo(code);
        assertThat(update.failure().get().message()).contains(message.strip()).contains("g1");
        assertThat(update.failure().get().jobId()).contains(ID);
    }

    @Test
    void a_succeeded_row_carries_its_url_the_echoed_duration_and_the_histories_cost_and_an_older_row_its_model() throws Exception {
        JobUpdate done = OxenPolls.fromRow(row("{\"generation_id\":\"g1\",\"model\":\"old-name\",\"status\":\"succeeded\","
                + "\"result_url\":\"https://hub.oxen.ai/api/repos/me/r/file/main/v.mp4\",\"duration\":6,\"cost\":\"0.30\"}"), ID).get();
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.result().get().location()).hasToString("https://hub.oxen.ai/api/repos/me/r/file/main/v.mp4");
        assertThat(done.result().get().duration()).contains(Duration.ofSeconds(6));
        assertThat(done.result().get().costUsd().get()).isEqualByComparingTo("0.30");
        assertThat(done.result().get().details()).containsEntry("model", "old-name");
    }

    @Test
    void statuses_map_forward_and_an_unknown_one_is_not_finished() throws Exception {
        assertThat(status("queued")).isEqualTo(JobStatus.QUEUED);
        assertThat(status("processing")).isEqualTo(JobStatus.RUNNING);
        assertThat(status("cancelled")).isEqualTo(JobStatus.CANCELLED);
        assertThat(status("warming_up")).isEqualTo(JobStatus.RUNNING);
        assertThat(OxenPolls.fromRow(row("{\"generation_id\":\"g1\",\"status\":\"succeeded\"}"), ID).getLeft().kind())
                .as("a success without its URL").isEqualTo(FailureKind.PROTOCOL);
    }

    @Test
    void only_video_completions_with_what_they_need_become_updates() {
        assertThat(OxenPolls.fromEvent(new CompletionEvent("g1", "succeeded", "video", "m", "https://x/v.mp4", null)).get()._2
                .status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(OxenPolls.fromEvent(new CompletionEvent("g1", "failed", "video", "m", null, "The generated video was"
                + " rejected by content moderation.")).get()._2.failure().get().kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(OxenPolls.fromEvent(new CompletionEvent("g1", "succeeded", "image", "m", "https://x/i.png", null))).isEmpty();
        assertThat(OxenPolls.fromEvent(new CompletionEvent("g1", "succeeded", "video", "m", null, null))).isEmpty();
        assertThat(OxenPolls.fromEvent(new CompletionEvent("g1", "processing", "video", "m", null, null))).isEmpty();
        assertThat(OxenPolls.fromEvent(new CompletionEvent(null, "succeeded", "video", "m", "https://x/v.mp4", null))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file:///etc/passwd", "jar:file:/x.jar!/v.mp4", "/relative.mp4", "https://"})
    void a_result_url_a_download_cannot_fetch_is_a_protocol_failure_and_a_huge_time_no_time(String url) throws Exception {
        assertThat(OxenPolls.fromRow(row("{\"generation_id\":\"g1\",\"status\":\"succeeded\",\"result_url\":\"" + url + "\"}"),
                ID).getLeft().code()).isEqualTo("bad_result_url");
        assertThat(OxenPolls.summary(row("{\"generation_id\":\"g1\",\"status\":\"queued\",\"enqueued_at\":-9223372036854775808}"))
                .get().createdAt()).isEmpty();
    }

    private static JobStatus status(String wire) throws JsonProcessingException {
        return OxenPolls.fromRow(row("{\"generation_id\":\"g1\",\"status\":\"" + wire + "\"}"), ID).get().status();
    }

    private static GenerationRow row(String json) throws JsonProcessingException {
        return ApiJson.mapper().readValue(json, GenerationRow.class);
    }
}
