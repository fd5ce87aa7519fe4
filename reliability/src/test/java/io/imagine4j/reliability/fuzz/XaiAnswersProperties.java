package io.imagine4j.reliability.fuzz;

import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.reliability.secrets.Canary;
import io.imagine4j.xai.XaiVideo;
import io.imagine4j.xai.XaiVideoProvider;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.time.Duration;

/** xAI's answers, fuzzed, over real HTTP: polls (200 and 202), submits, and the model list. */
class XaiAnswersProperties {

    private static final AnswerServer SERVER = AnswerServer.start("/v1/");
    private static final XaiVideoProvider XAI = XaiVideo.builder().apiKey(Canary.KEY).baseUrl(SERVER.baseUrl("/v1"))
            .readTimeout(Duration.ofSeconds(2)).maxResponseBytes(64 * 1024).build();
    private static final Submission SUBMISSION = Submission.of(SubmissionKey.random(),
            VideoRequest.textToVideo("A fox").with(options -> options.withDurationSeconds(2)), XAI.capabilities());

    @AfterContainer
    static void stop() {
        SERVER.close();
    }

    @Property(tries = 1000)
    void a_poll_answer_shaped_like_xais_is_an_update_or_a_protocol_failure(@ForAll("polls") byte[] body,
            @ForAll("pollStatuses") int status) {
        SERVER.answer(status, "application/json", body);
        Verdicts.update("xai poll, JSON shaped like its answers", body,
                Verdicts.noThrow("xAI's poll", body, () -> XAI.poll(Verdicts.id("xai"))));
    }

    @Property(tries = 300)
    void any_bytes_as_a_poll_answer_are_an_update_or_a_protocol_failure(@ForAll("noise") byte[] body,
            @ForAll("pollStatuses") int status) {
        SERVER.answer(status, "application/json", body);
        Verdicts.update("xai poll, arbitrary bytes", body,
                Verdicts.noThrow("xAI's poll", body, () -> XAI.poll(Verdicts.id("xai"))));
    }

    @Property(tries = 300)
    void a_submit_answer_is_accepted_with_an_id_or_ambiguous(@ForAll("submits") byte[] body) {
        SERVER.answer(200, "application/json", body);
        Verdicts.submit("xai submit", body, Verdicts.noThrow("xAI's submit", body, () -> XAI.submit(SUBMISSION)));
    }

    @Property(tries = 300)
    void a_model_list_is_a_list_or_a_protocol_failure(@ForAll("models") byte[] body) {
        SERVER.answer(200, "application/json", body);
        Verdicts.read("xai model list", body, Verdicts.noThrow("xAI's model list", body, XAI::models));
    }

    @Provide
    Arbitrary<Integer> pollStatuses() {
        return Arbitraries.of(200, 202);
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return JsonShapes.bytes();
    }

    @Provide
    Arbitrary<byte[]> polls() {
        Arbitrary<Object> video = JsonShapes.object(
                JsonShapes.field("url", JsonShapes.urls()),
                JsonShapes.field("duration", JsonShapes.numbers()),
                JsonShapes.field("respect_moderation", JsonShapes.booleans()),
                JsonShapes.field("storage_error", JsonShapes.strings()),
                JsonShapes.field("file_output", JsonShapes.object(
                        JsonShapes.field("file_id", JsonShapes.strings()),
                        JsonShapes.field("filename", JsonShapes.strings()),
                        JsonShapes.field("expires_at", JsonShapes.numbers()),
                        JsonShapes.field("public_url", JsonShapes.urls()),
                        JsonShapes.field("public_url_expires_at", JsonShapes.numbers()),
                        JsonShapes.field("public_url_error", JsonShapes.strings()))));
        return JsonShapes.object(
                JsonShapes.field("status", JsonShapes.words("pending", "done", "failed", "expired", "queued", "processing",
                        "in_progress", "completed", "succeeded", "cancelled", "canceled", "")),
                JsonShapes.field("progress", JsonShapes.numbers()),
                JsonShapes.field("video", video),
                JsonShapes.field("url", JsonShapes.urls()),
                JsonShapes.field("duration", JsonShapes.numbers()),
                JsonShapes.field("respect_moderation", JsonShapes.booleans()),
                JsonShapes.field("data", JsonShapes.listOf(video)),
                JsonShapes.field("model", JsonShapes.strings()),
                JsonShapes.field("usage", JsonShapes.object(JsonShapes.field("cost_in_usd_ticks", JsonShapes.numbers()))),
                JsonShapes.field("error", JsonShapes.object(
                        JsonShapes.field("code", JsonShapes.words("internal_error", "invalid_argument", "permission_denied",
                                "service_unavailable", "failed_precondition")),
                        JsonShapes.field("message", JsonShapes.strings()))))
                .map(JsonShapes::bytes);
    }

    @Provide
    Arbitrary<byte[]> submits() {
        return Arbitraries.oneOf(
                JsonShapes.object(JsonShapes.field("request_id", JsonShapes.strings())).map(JsonShapes::bytes),
                JsonShapes.bytes());
    }

    @Provide
    Arbitrary<byte[]> models() {
        Arbitrary<Object> model = JsonShapes.object(
                JsonShapes.field("id", JsonShapes.words("grok-imagine-video", "grok-imagine-video-1.5", "x")),
                JsonShapes.field("aliases", JsonShapes.listOf(JsonShapes.strings())),
                JsonShapes.field("input_modalities", JsonShapes.listOf(JsonShapes.words("text", "image", "video", "audio"))),
                JsonShapes.field("output_modalities", JsonShapes.listOf(JsonShapes.words("video", "image"))),
                JsonShapes.field("created", JsonShapes.numbers()),
                JsonShapes.field("owned_by", JsonShapes.strings()),
                JsonShapes.field("version", JsonShapes.strings()),
                JsonShapes.field("fingerprint", JsonShapes.strings()));
        return Arbitraries.oneOf(JsonShapes.object(JsonShapes.field("models", JsonShapes.listOf(model))).map(JsonShapes::bytes),
                JsonShapes.bytes());
    }
}
