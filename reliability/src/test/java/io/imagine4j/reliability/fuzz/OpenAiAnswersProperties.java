package io.imagine4j.reliability.fuzz;

import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.openai.OpenAiVideoProvider;
import io.imagine4j.openai.OpenAiVideos;
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

/** OpenAI-compatible answers, fuzzed, over real HTTP: the Video object (retrieve and create) and list pages. */
class OpenAiAnswersProperties {

    private static final AnswerServer SERVER = AnswerServer.start("/v1/");
    private static final OpenAiVideoProvider OPENAI = OpenAiVideos.builder().apiKey(Canary.KEY).baseUrl(SERVER.baseUrl("/v1"))
            .readTimeout(Duration.ofSeconds(2)).maxResponseBytes(64 * 1024).build();
    private static final Submission SUBMISSION = Submission.of(SubmissionKey.random(), VideoRequest.textToVideo("A fox"),
            OPENAI.capabilities());

    @AfterContainer
    static void stop() {
        SERVER.close();
    }

    @Property(tries = 1000)
    void a_video_object_is_an_update_or_a_protocol_failure(@ForAll("videos") byte[] body) {
        SERVER.answer(200, "application/json", body);
        Verdicts.update("openai retrieve, JSON shaped like its answers", body,
                Verdicts.noThrow("OpenAI's retrieve", body, () -> OPENAI.poll(Verdicts.id("openai"))));
    }

    @Property(tries = 300)
    void any_bytes_as_a_retrieve_answer_are_an_update_or_a_protocol_failure(@ForAll("noise") byte[] body) {
        SERVER.answer(200, "application/json", body);
        Verdicts.update("openai retrieve, arbitrary bytes", body,
                Verdicts.noThrow("OpenAI's retrieve", body, () -> OPENAI.poll(Verdicts.id("openai"))));
    }

    @Property(tries = 300)
    void a_create_answer_is_accepted_with_an_id_or_ambiguous(@ForAll("creates") byte[] body) {
        SERVER.answer(200, "application/json", body);
        Verdicts.submit("openai create", body, Verdicts.noThrow("OpenAI's create", body, () -> OPENAI.submit(SUBMISSION)));
    }

    @Property(tries = 300)
    void a_list_page_is_a_page_or_a_protocol_failure(@ForAll("pages") byte[] body) {
        SERVER.answer(200, "application/json", body);
        Verdicts.read("openai list page", body, Verdicts.noThrow("OpenAI's list", body, () -> OPENAI.list(JobQuery.all())));
    }

    /** A null entry in a page (found reading the adapter after the same defect turned up in Oxen's list by fuzzing). */
    @Example
    void a_list_page_with_a_null_entry_is_a_page_without_it() {
        byte[] body = "{\"object\":\"list\",\"data\":[null],\"has_more\":false}".getBytes(StandardCharsets.UTF_8);
        SERVER.answer(200, "application/json", body);
        Verdicts.read("openai list page", body, Verdicts.noThrow("OpenAI's list", body, () -> OPENAI.list(JobQuery.all())));
        assertThat(OPENAI.list(JobQuery.all()).get().jobs()).isEmpty();
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return JsonShapes.bytes();
    }

    @Provide
    Arbitrary<byte[]> videos() {
        return video().map(JsonShapes::bytes);
    }

    @Provide
    Arbitrary<byte[]> creates() {
        return Arbitraries.oneOf(video().map(JsonShapes::bytes), JsonShapes.bytes());
    }

    @Provide
    Arbitrary<byte[]> pages() {
        return Arbitraries.oneOf(JsonShapes.object(
                JsonShapes.field("object", JsonShapes.words("list")),
                JsonShapes.field("data", JsonShapes.listOf(video())),
                JsonShapes.field("first_id", JsonShapes.strings()),
                JsonShapes.field("last_id", JsonShapes.strings()),
                JsonShapes.field("has_more", JsonShapes.booleans())).map(JsonShapes::bytes), JsonShapes.bytes());
    }

    private static Arbitrary<Object> video() {
        return JsonShapes.object(
                JsonShapes.field("id", JsonShapes.words("video_abc", "vid-1", "")),
                JsonShapes.field("object", JsonShapes.words("video")),
                JsonShapes.field("model", JsonShapes.words("sora-2", "sora-2-pro")),
                JsonShapes.field("status", JsonShapes.words("queued", "in_progress", "completed", "failed", "pending",
                        "processing", "succeeded", "expired", "cancelled")),
                JsonShapes.field("progress", JsonShapes.numbers()),
                JsonShapes.field("created_at", JsonShapes.numbers()),
                JsonShapes.field("completed_at", JsonShapes.numbers()),
                JsonShapes.field("expires_at", JsonShapes.numbers()),
                JsonShapes.field("prompt", JsonShapes.strings()),
                JsonShapes.field("size", JsonShapes.words("720x1280", "1280x720", "1024x1792", "0x0", "x", "-1x-1")),
                JsonShapes.field("seconds", JsonShapes.words("4", "8", "12", "-4", "0", "1e9", "four")),
                JsonShapes.field("remixed_from_video_id", JsonShapes.strings()),
                JsonShapes.field("error", JsonShapes.object(
                        JsonShapes.field("code", JsonShapes.words("moderation_blocked", "internal_error", "expired")),
                        JsonShapes.field("message", JsonShapes.strings()))));
    }
}
