package io.imagine4j.testkit.openai;

import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

import static io.imagine4j.testkit.openai.OpenAiClient.assertError;
import static io.imagine4j.testkit.openai.OpenAiClient.video;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway dialect: statuses OpenAI never sends, timestamps in milliseconds, rewritten ids. */
class OpenAiGatewayTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(OpenAiSimulator::start);

    @Test
    void aGatewayJobLeaksItsOwnStatusesMillisecondsAndIds(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        long createdAt = openai.clock().now().toEpochMilli();
        JsonObject created = video(client.create("A fox #sim:gateway"));
        String id = created.string("id").get();
        assertThat(id).matches("vid-[0-9a-f-]{36}");
        assertThat(created.string("status")).contains("pending");
        assertThat(created.number("created_at")).contains(BigDecimal.valueOf(createdAt));

        openai.advance(Duration.ofSeconds(1));
        assertThat(client.retrieved(id).string("status")).contains("processing");
        openai.advance(Duration.ofSeconds(2));
        JsonObject done = client.retrieved(id);
        assertThat(done.string("status")).contains("succeeded");
        assertThat(done.number("completed_at")).contains(BigDecimal.valueOf(createdAt + 3_000));
        assertThat(done.number("expires_at")).contains(BigDecimal.valueOf(createdAt + 3_000 + Duration.ofHours(24).toMillis()));
        assertThat(client.content(id, "").statusCode()).isEqualTo(200);
        assertThat(openai.job(id).get().params().gatewayQuirks()).isEqualTo(Set.of(GatewayQuirk.values()));
    }

    @Test
    void expiredAndFailedKeepTheirNames(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        JsonObject expired = client.retrieved(client.created("A fox #sim:gateway,expire,instant"));
        assertThat(expired.string("status")).contains("expired");
        assertThat(expired.get("error").get().toJson()).isEqualTo("null");
        JsonObject moderated = client.retrieved(client.created("A fox #sim:gateway,moderated,instant"));
        assertThat(moderated.string("status")).contains("failed");
        assertThat(moderated.object("error").get().string("code")).contains("moderation_blocked");
    }

    @Test
    void deletingAnUnfinishedGatewayJobCancelsIt(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:gateway=statuses");
        openai.advance(Duration.ofSeconds(2));
        JsonObject cancelled = video(client.delete("/videos/" + id));
        assertThat(cancelled.string("status")).contains("cancelled");
        assertThat(cancelled.number("progress")).contains(BigDecimal.valueOf(65));
        openai.advance(Duration.ofSeconds(5));
        assertThat(client.retrieved(id).string("status")).as("a cancel is final").contains("cancelled");
        assertError(client.content(id, ""), 404, "invalid_request_error", null, null, "it is cancelled.");
        assertThat(client.delete("/videos/" + id).statusCode()).as("a cancelled job can then be deleted").isEqualTo(200);
    }

    @Test
    void eachQuirkCanComeAlone(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        JsonObject statuses = video(client.create("A fox #sim:gateway=statuses"));
        assertThat(statuses.string("id").get()).startsWith("video_");
        assertThat(statuses.string("status")).contains("pending");
        assertThat(statuses.number("created_at")).contains(BigDecimal.valueOf(openai.clock().now().getEpochSecond()));

        JsonObject millis = video(client.create("A fox #sim:gateway=ms"));
        assertThat(millis.string("status")).contains("queued");
        assertThat(millis.number("created_at")).contains(BigDecimal.valueOf(openai.clock().now().toEpochMilli()));

        JsonObject ids = video(client.create("A fox #sim:gateway=ids"));
        assertThat(ids.string("id").get()).startsWith("vid-");
        assertThat(ids.string("status")).contains("queued");
        assertThat(client.retrieved(ids.string("id").get()).string("id")).isEqualTo(ids.string("id"));
    }

    @Test
    void aRemixOfAGatewayVideoNamesItsRewrittenId(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String source = client.created("A fox #sim:gateway,instant");
        JsonObject remix = video(client.postJson("/videos/" + source + "/remix", "{\"prompt\":\"Again #sim:gateway\"}"));
        assertThat(remix.string("remixed_from_video_id")).contains(source);
        assertThat(OpenAiListTest.ids(OpenAiListTest.page(openai, "?order=asc"))).containsExactly(source, remix.string("id").get());
    }

    @Test
    void aSimulatorCanSpeakTheDialectForEveryJob() throws IOException {
        try (OpenAiSimulator gateway = OpenAiSimulator.start(SimulatorOptions.forTests(),
                OpenAiSettings.defaults().withGatewayQuirks(GatewayQuirk.STATUSES, GatewayQuirk.MILLISECONDS))) {
            OpenAiClient client = new OpenAiClient(gateway);
            JsonObject video = video(client.create("A fox"));
            assertThat(video.string("status")).contains("pending");
            assertThat(video.string("id").get()).startsWith("video_");
            assertThat(video.number("created_at")).contains(BigDecimal.valueOf(gateway.clock().now().toEpochMilli()));
        }
    }
}
