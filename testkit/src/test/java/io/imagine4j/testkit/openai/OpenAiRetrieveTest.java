package io.imagine4j.testkit.openai;

import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.scenario.Step;
import io.imagine4j.testkit.sim.SimulatorClock;
import io.imagine4j.testkit.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static io.imagine4j.testkit.openai.OpenAiClient.assertError;
import static io.imagine4j.testkit.openai.OpenAiClient.video;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /videos/{id}}: a job's life on the manual clock, the poll hint, request ids, and every way a job ends. */
class OpenAiRetrieveTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(OpenAiSimulator::start);

    private static final long EPOCH = SimulatorClock.MANUAL_EPOCH.getEpochSecond();

    @Test
    void theExtensionInjectsTheClassSimulatorFreshlyReset(OpenAiSimulator openai) {
        assertThat(openai).isSameAs(OPENAI.get());
        assertThat(openai.jobs()).isEmpty();
        assertThat(openai.journal().entries()).isEmpty();
        assertThat(openai.baseUrl().getPath()).isEqualTo("/v1");
        assertThat(openai.name()).isEqualTo("openai");
    }

    @Test
    void aJobIsQueuedThenInProgressThenCompletedOnTheClock(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox");
        long created = EPOCH + secondsSinceEpochStart(openai);

        HttpResponse<byte[]> queued = client.retrieve(id);
        assertThat(status(video(queued))).isEqualTo("queued 0");
        assertThat(queued.headers().firstValue(OpenAiResponses.POLL_AFTER_HEADER)).contains("1000");

        openai.advance(Duration.ofMillis(450));            // 15 % of the default 3 s
        assertThat(status(client.retrieved(id))).isEqualTo("in_progress 10");
        openai.advance(Duration.ofMillis(750));
        assertThat(status(client.retrieved(id))).isEqualTo("in_progress 35");
        openai.advance(Duration.ofMillis(1_350));
        HttpResponse<byte[]> running = client.retrieve(id);
        assertThat(status(video(running))).isEqualTo("in_progress 90");
        assertThat(running.headers().firstValue(OpenAiResponses.POLL_AFTER_HEADER)).contains("1000");

        openai.advance(Duration.ofMillis(450));
        HttpResponse<byte[]> done = client.retrieve(id);
        JsonObject video = video(done);
        assertThat(status(video)).isEqualTo("completed 100");
        assertThat(video.number("created_at")).contains(BigDecimal.valueOf(created));
        assertThat(video.number("completed_at")).contains(BigDecimal.valueOf(created + 3));
        assertThat(video.number("expires_at")).contains(BigDecimal.valueOf(created + 3 + Duration.ofHours(24).toSeconds()));
        assertThat(video.get("error")).contains(JsonNull.INSTANCE);
        assertThat(done.headers().firstValue(OpenAiResponses.POLL_AFTER_HEADER)).as("no hint once finished").isEmpty();
    }

    @Test
    void thePollHintIsConfigurable() throws IOException {
        try (OpenAiSimulator openai = OpenAiSimulator.start(SimulatorOptions.forTests(),
                OpenAiSettings.defaults().withPollAfter(Duration.ofMillis(2_500)))) {
            HttpResponse<byte[]> created = new OpenAiClient(openai).create("A fox");
            assertThat(created.headers().firstValue(OpenAiResponses.POLL_AFTER_HEADER)).contains("2500");
        }
    }

    @Test
    void everyAnswerHasItsOwnRequestId(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(client.retrieve(id).headers().firstValue("x-request-id").get());
        }
        ids.add(client.retrieve("video_unknown").headers().firstValue("x-request-id").get());
        ids.add(client.http.get(client.uri("/videos/" + id)).headers().firstValue("x-request-id").get());
        assertThat(ids).hasSize(7).allMatch(requestId -> requestId.matches("req_[0-9a-f]{32}"));
    }

    @Test
    void anUnknownVideoIs404InOpenAisShape(OpenAiSimulator openai) throws IOException {
        assertError(new OpenAiClient(openai).retrieve("video_123"), 404, "invalid_request_error", null, null,
                "Video with id 'video_123' not found.");
    }

    @Test
    void moderationFailsTheJobWithModerationBlocked(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String byDirective = client.created("Something unsafe #sim:moderated");
        openai.enqueue(Scenario.moderated());
        String scripted = client.created("Something else");
        openai.advance(Scenario.DEFAULT_PROCESSING_TIME);
        for (String id : new String[] {byDirective, scripted}) {
            JsonObject video = client.retrieved(id);
            assertThat(status(video)).isEqualTo("failed 90");
            assertThat(video.object("error").get().toJson()).isEqualTo(
                    "{\"code\":\"moderation_blocked\",\"message\":\"The generated video was blocked by the moderation system.\"}");
            assertThat(video.number("completed_at").isDefined()).isTrue();
            assertThat(video.get("expires_at")).contains(JsonNull.INSTANCE);
        }
    }

    @Test
    void otherFailuresCarryTheirCode(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String plain = client.created("A fox #sim:fail,instant");
        String coded = client.created("A fox #sim:fail=video_generation_failed,instant");
        String expired = client.created("A fox #sim:expire,instant");
        assertThat(client.retrieved(plain).object("error").get().string("code")).contains("internal_error");
        assertThat(client.retrieved(coded).object("error").get().string("code")).contains("video_generation_failed");
        JsonObject expiredVideo = client.retrieved(expired);
        assertThat(expiredVideo.string("status")).as("OpenAI has no expired status").contains("failed");
        assertThat(expiredVideo.object("error").get().string("code")).contains("expired");
    }

    @Test
    void aScriptedScenarioSetsStepsAndTime(OpenAiSimulator openai) throws IOException {
        openai.enqueue(Scenario.succeedsAfter(Duration.ofSeconds(60)).withSteps(Step.queued(Duration.ZERO),
                Step.running(Duration.ofSeconds(30))));
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox");
        openai.advance(Duration.ofSeconds(45));
        assertThat(status(client.retrieved(id))).as("a running step without progress: a linear estimate").isEqualTo("in_progress 75");
        openai.advance(Duration.ofSeconds(15));
        assertThat(status(client.retrieved(id))).isEqualTo("completed 100");
    }

    @Test
    void progressNeverMovesBackwards(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:slow=20s");
        int last = -1;
        for (int step = 0; step <= 21; step++) {
            int progress = client.retrieved(id).number("progress").get().intValue();
            assertThat(progress).isGreaterThanOrEqualTo(last);
            last = progress;
            openai.advance(Duration.ofSeconds(1));
        }
        assertThat(last).isEqualTo(100);
    }

    private static String status(JsonObject video) {
        return video.string("status").get() + " " + video.number("progress").get();
    }

    private static long secondsSinceEpochStart(OpenAiSimulator openai) {
        return openai.clock().now().getEpochSecond() - EPOCH;
    }
}
