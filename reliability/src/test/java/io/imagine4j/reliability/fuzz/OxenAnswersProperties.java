package io.imagine4j.reliability.fuzz;

import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.oxen.OxenHub;
import io.imagine4j.oxen.OxenVideoProvider;
import io.imagine4j.reliability.secrets.Canary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Oxen's answers, fuzzed, over real HTTP: queue rows and history entries, enqueue answers, queue lists, models. */
class OxenAnswersProperties {

    private static final AnswerServer SERVER = AnswerServer.start("/api/ai/");
    private static final OxenVideoProvider OXEN = OxenHub.builder().apiKey(Canary.KEY).baseUrl(SERVER.baseUrl("/api"))
            .readTimeout(Duration.ofSeconds(2)).maxResponseBytes(64 * 1024).push(false).build();
    // Checked before any answer is fuzzed: the schema lookup gets a 404, so the check needs nothing more.
    private static final Submission SUBMISSION = Submission.of(SubmissionKey.random(),
            VideoRequest.imageToVideo("A fox", MediaSource.url("https://images.example.com/fox.png")), OXEN.capabilities());

    @AfterContainer
    static void stop() {
        SERVER.close();
    }

    @Property(tries = 1000)
    void a_queue_row_or_history_entry_is_an_update_or_a_protocol_failure(@ForAll("rows") byte[] body) {
        SERVER.answer(200, "application/json", body);
        Verdicts.update("oxen poll, JSON shaped like its answers", body,
                Verdicts.noThrow("Oxen's poll", body, () -> OXEN.poll(Verdicts.id("oxen"))));
    }

    @Property(tries = 300)
    void any_bytes_as_a_poll_answer_are_an_update_or_a_protocol_failure(@ForAll("noise") byte[] body) {
        SERVER.answer(200, "application/json", body);
        Verdicts.update("oxen poll, arbitrary bytes", body,
                Verdicts.noThrow("Oxen's poll", body, () -> OXEN.poll(Verdicts.id("oxen"))));
    }

    @Property(tries = 300)
    void an_enqueue_answer_is_accepted_with_ids_or_ambiguous(@ForAll("enqueues") byte[] body) {
        SERVER.answer(200, "application/json", body);
        Verdicts.submit("oxen enqueue", body, Verdicts.noThrow("Oxen's enqueue", body, () -> OXEN.submit(SUBMISSION)));
    }

    @Property(tries = 300)
    void a_queue_list_is_a_page_or_a_protocol_failure(@ForAll("lists") byte[] body) {
        SERVER.answer(200, "application/json", body);
        Verdicts.read("oxen queue list", body, Verdicts.noThrow("Oxen's list", body, () -> OXEN.list(JobQuery.all())));
    }

    /** Found by the property above in CI (seed -6228269266955644907): a null row threw out of list(). */
    @Example
    void a_queue_list_with_a_null_row_is_a_page_without_it() {
        byte[] body = "{\"generations\":[null]}".getBytes(StandardCharsets.UTF_8);
        SERVER.answer(200, "application/json", body);
        Verdicts.read("oxen queue list", body, Verdicts.noThrow("Oxen's list", body, () -> OXEN.list(JobQuery.all())));
        assertThat(OXEN.list(JobQuery.all()).get().jobs()).isEmpty();
    }

    @Property(tries = 300)
    void a_model_list_is_a_list_or_a_protocol_failure(@ForAll("models") byte[] body) {
        SERVER.answer(200, "application/json", body);
        Verdicts.read("oxen model list", body, Verdicts.noThrow("Oxen's model list", body, OXEN::models));
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return JsonShapes.bytes();
    }

    @Provide
    Arbitrary<byte[]> rows() {
        return Arbitraries.oneOf(row().map(JsonShapes::bytes), JsonShapes.object(
                JsonShapes.field("status", JsonShapes.words("success")),
                JsonShapes.field("status_message", JsonShapes.words("resource_found")),
                JsonShapes.field("generation", row())).map(JsonShapes::bytes));
    }

    @Provide
    Arbitrary<byte[]> enqueues() {
        Arbitrary<Object> started = JsonShapes.object(
                JsonShapes.field("generation_id", JsonShapes.words("3f2a9c", "")),
                JsonShapes.field("status", JsonShapes.words("queued", "processing")));
        return Arbitraries.oneOf(JsonShapes.object(
                JsonShapes.field("generations", JsonShapes.listOf(started)),
                JsonShapes.field("error", JsonShapes.strings())).map(JsonShapes::bytes), JsonShapes.bytes());
    }

    @Provide
    Arbitrary<byte[]> lists() {
        return Arbitraries.oneOf(JsonShapes.object(
                JsonShapes.field("count", JsonShapes.numbers()),
                JsonShapes.field("generations", JsonShapes.listOf(row()))).map(JsonShapes::bytes), JsonShapes.bytes());
    }

    @Provide
    Arbitrary<byte[]> models() {
        Arbitrary<Object> model = JsonShapes.object(
                JsonShapes.field("id", JsonShapes.words("xai-grok-imagine-video", "kling-video-v2-6-pro-text-to-video", "")),
                JsonShapes.field("display_name", JsonShapes.strings()),
                JsonShapes.field("endpoint", JsonShapes.words("/ai/videos/generate", "/ai/images/generate")),
                JsonShapes.field("capabilities", JsonShapes.object(
                        JsonShapes.field("input", JsonShapes.listOf(JsonShapes.words("text", "image", "video"))),
                        JsonShapes.field("output", JsonShapes.listOf(JsonShapes.words("video", "image"))))),
                JsonShapes.field("pricing", JsonShapes.object(
                        JsonShapes.field("method", JsonShapes.words("per_second")),
                        JsonShapes.field("cost_per_second", JsonShapes.numbers()))),
                JsonShapes.field("request_schema", JsonShapes.object(
                        JsonShapes.field("type", JsonShapes.words("object", "string")),
                        JsonShapes.field("required", JsonShapes.listOf(JsonShapes.words("prompt", "input_image"))),
                        JsonShapes.field("properties", JsonShapes.object(
                                JsonShapes.field("duration", JsonShapes.object(
                                        JsonShapes.field("type", JsonShapes.words("integer", "number")),
                                        JsonShapes.field("minimum", JsonShapes.numbers()),
                                        JsonShapes.field("maximum", JsonShapes.numbers()),
                                        JsonShapes.field("enum", JsonShapes.listOf(JsonShapes.numbers())))),
                                JsonShapes.field("resolution", JsonShapes.object(
                                        JsonShapes.field("type", JsonShapes.words("string")),
                                        JsonShapes.field("enum", JsonShapes.listOf(JsonShapes.words("480p", "720p", "auto"))))),
                                JsonShapes.field("prompt", JsonShapes.object(
                                        JsonShapes.field("type", JsonShapes.words("string")),
                                        JsonShapes.field("maxLength", JsonShapes.numbers()))))))));
        return Arbitraries.oneOf(JsonShapes.object(
                JsonShapes.field("object", JsonShapes.words("list")),
                JsonShapes.field("data", JsonShapes.listOf(model))).map(JsonShapes::bytes), JsonShapes.bytes());
    }

    static Arbitrary<Object> row() {
        return JsonShapes.object(
                JsonShapes.field("generation_id", JsonShapes.words("fuzz-0001", "other", "")),
                JsonShapes.field("model_name", JsonShapes.words("xai-grok-imagine-video-image-to-video")),
                JsonShapes.field("model", JsonShapes.strings()),
                JsonShapes.field("media_type", JsonShapes.words("video", "image")),
                JsonShapes.field("status", JsonShapes.words("queued", "processing", "succeeded", "failed", "cancelled", "")),
                JsonShapes.field("prompt", JsonShapes.strings()),
                JsonShapes.field("result_url", JsonShapes.urls()),
                JsonShapes.field("error_message", JsonShapes.words("Invalid parameters for model m: resolution must be one of",
                        "content moderation", "timed out", "Insufficient credits", "Could not download input_video from x")),
                JsonShapes.field("enqueued_at", JsonShapes.numbers()),
                JsonShapes.field("started_at", JsonShapes.numbers()),
                JsonShapes.field("completed_at", JsonShapes.numbers()),
                JsonShapes.field("duration", JsonShapes.numbers()),
                JsonShapes.field("cost", JsonShapes.words("0.56", "-1", "abc", "1e999")));
    }
}
