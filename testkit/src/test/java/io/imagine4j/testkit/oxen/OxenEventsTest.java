package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.internal.json.JsonSyntaxException;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.support.Await;
import io.imagine4j.testkit.support.Http;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.imagine4j.testkit.oxen.OxenClient.TEXT_TO_VIDEO;
import static io.imagine4j.testkit.oxen.OxenClient.assertOxenError;
import static io.imagine4j.testkit.oxen.OxenClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code GET /events}: per-user server-sent events, keep-alives on simulator time, no replay, drops. */
class OxenEventsTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(OxenSimulator::start);

    @Test
    void aCompletionIsAnnouncedWhenTheClockReachesTheJobsEnd(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        try (EventLines events = client.events()) {
            assertThat(events.response.statusCode()).isEqualTo(200);
            assertThat(events.response.headers().firstValue("Content-Type")).contains("text/event-stream");
            assertThat(events.response.headers().firstValue("Cache-Control")).contains("no-cache");
            String id = client.generation("A fox", 2);

            oxen.advance(Duration.ofMillis(2_999));
            EventLines.Event started = events.await("media_generation_started", 1);
            assertThat(started.json()).isEqualTo(JsonObject.builder().put("generation_id", id).put("status", "processing")
                    .put("media_type", "video").put("model", TEXT_TO_VIDEO).build());
            assertThat(events.completions()).isEmpty();

            oxen.advance(Duration.ofMillis(1));
            JsonObject completed = events.await("media_generation_completed", 1).json();
            assertThat(completed.members().keySet()).containsExactly("generation_id", "status", "media_type", "model", "url");
            assertThat(completed.string("generation_id")).contains(id);
            assertThat(completed.string("status")).contains("succeeded");
            assertThat(completed.string("media_type")).contains("video");
            assertThat(completed.string("model")).contains(TEXT_TO_VIDEO);
            assertThat(completed.string("url")).contains(client.resultUrl(id).toString());
            // Other event types share the stream, before and between completions.
            assertThat(events.events()).extracting(EventLines.Event::name)
                    .containsExactly("media_generation_started", "media_generation_completed");
            assertThat(events.lines()).containsSubsequence("event: media_generation_completed", "data: " + completed.toJson(), "");
        }
    }

    @Test
    void aFailedGenerationIsAnnouncedWithItsError(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        try (EventLines events = client.events()) {
            String failed = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:fail=quota_exceeded"));
            String invalid = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x", "resolution", "4k"));
            oxen.advance(Duration.ofSeconds(3));
            JsonObject first = events.awaitCompletion(event -> event.data().contains(failed)).json();
            assertThat(first.members().keySet()).containsExactly("generation_id", "status", "media_type", "model", "error");
            assertThat(first.string("status")).contains("failed");
            assertThat(first.string("error")).contains("Simulated failure (#sim:fail=quota_exceeded).");
            JsonObject second = events.awaitCompletion(event -> event.data().contains(invalid)).json();
            assertThat(second.string("error").get()).contains("resolution must be one of 480p, 720p; got \"4k\"");
        }
    }

    @Test
    void keepAlivesComeEveryFifteenSecondsOfSimulatorTime(OxenSimulator oxen) throws IOException {
        try (EventLines events = new OxenClient(oxen).events()) {
            Await.until("the stream is held open", () -> oxen.heldResponses() == 1);
            oxen.advance(Duration.ofSeconds(14));
            oxen.advance(Duration.ofMillis(999));
            assertThat(events.keepAlives()).isZero();
            oxen.advance(Duration.ofMillis(1));
            events.awaitKeepAlives(1);
            oxen.advance(Duration.ofSeconds(45));
            events.awaitKeepAlives(4);
            assertThat(events.lines()).containsOnly(": keep-alive", "");
            assertThat(events.events()).isEmpty(); // comments are not events
        }
    }

    @Test
    void theKeepAliveIntervalIsAnOption() throws IOException {
        try (OxenSimulator oxen = OxenSimulator.start(SimulatorOptions.forTests(), OxenOptions.defaults().withKeepAlive(Duration.ofSeconds(2)));
             EventLines events = new OxenClient(oxen).events()) {
            assertThat(oxen.oxenOptions().keepAlive()).isEqualTo(Duration.ofSeconds(2));
            oxen.advance(Duration.ofSeconds(2));
            events.awaitKeepAlives(1);
            oxen.advance(Duration.ofSeconds(4));
            events.awaitKeepAlives(3);
        }
    }

    @Test
    void eventsFromBeforeAConnectionAreLost(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        String before = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:instant"));
        String endsLater = client.generation("y", 1);
        oxen.advance(Duration.ofSeconds(1));
        try (EventLines events = client.events()) {
            oxen.advance(Duration.ofSeconds(2));
            events.awaitCompletion(event -> event.data().contains(endsLater));
            // Its start came before the connection too: only the completion arrives.
            assertThat(events.events()).extracting(EventLines.Event::name).containsExactly("media_generation_completed");
            assertThat(events.lines()).noneMatch(line -> line.contains(before));
        }
        assertThat(client.status(before)).isEqualTo("succeeded");
    }

    @Test
    void anInstantJobEnqueuedAfterTheConnectIsAnnouncedWithoutMovingTheClock(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        try (EventLines events = client.events()) {
            String id = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:instant"));
            assertThat(events.awaitCompletion(event -> event.data().contains(id)).json().string("status")).contains("succeeded");
            assertThat(events.events("media_generation_started")).isEmpty(); // it never was processing
        }
    }

    @Test
    void eachUserHearsOnlyOfTheirOwnGenerations(OxenSimulator oxen) throws IOException {
        OxenClient mine = new OxenClient(oxen);
        OxenClient theirs = new OxenClient(oxen, OxenClient.OTHER_KEY);
        try (EventLines myEvents = mine.events(); EventLines theirEvents = theirs.events()) {
            assertThat(oxen.openEventStreams()).isEqualTo(2);
            String myJob = mine.generation("mine", 1);
            String theirJob = theirs.generation("theirs", 1);
            oxen.advance(Duration.ofSeconds(3));
            myEvents.awaitCompletion(event -> event.data().contains(myJob));
            theirEvents.awaitCompletion(event -> event.data().contains(theirJob));
            oxen.advance(Duration.ofSeconds(15)); // a keep-alive marks the point by which anything else would have come
            myEvents.awaitKeepAlives(1);
            theirEvents.awaitKeepAlives(1);
            assertThat(myEvents.lines()).noneMatch(line -> line.contains(theirJob));
            assertThat(theirEvents.lines()).noneMatch(line -> line.contains(myJob));
        }
    }

    @Test
    void everyGenerationOfAMultiGenerationEnqueueIsAnnounced(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        try (EventLines events = client.events()) {
            List<String> ids = client.enqueued(json("model", TEXT_TO_VIDEO, "prompt", "x", "num_generations", 3));
            oxen.advance(Duration.ofSeconds(3));
            events.await("media_generation_completed", 3);
            assertThat(events.completions()).extracting(event -> event.json().string("generation_id").get())
                    .containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void aCancelledGenerationIsNeverAnnounced(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        try (EventLines events = client.events()) {
            String cancelled = client.generation("x", 1);
            String kept = client.generation("y", 1);
            oxen.advance(Duration.ofSeconds(1));
            client.cancel(cancelled);
            oxen.advance(Duration.ofSeconds(2));
            events.awaitCompletion(event -> event.data().contains(kept));
            oxen.advance(Duration.ofSeconds(15));
            events.awaitKeepAlives(1);
            assertThat(events.completions()).noneMatch(event -> event.data().contains(cancelled));
            assertThat(events.events("media_generation_started")).hasSize(2); // it had started before its cancel
        }
    }

    @Test
    void aStreamDropOpensTheStreamThenClosesItBeforeAnyEvent(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        oxen.failNext(Call.EVENTS, new Fault.StreamDrop());
        EventLines dropped = client.events();
        assertThat(dropped.response.statusCode()).isEqualTo(200);
        assertThat(dropped.ended()).failsWithin(10, TimeUnit.SECONDS);
        assertThat(dropped.lines()).isEmpty();
        assertThat(oxen.openEventStreams()).as("the dropped stream collects no events").isZero();

        try (EventLines again = client.events()) { // a client reconnects, then re-checks its open jobs by GET
            String id = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:instant"));
            again.awaitCompletion(event -> event.data().contains(id));
        }
    }

    @Test
    void garbageOpensTheStreamSendsBytesThatAreNoEventStreamThenCloses(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        oxen.failNext(Call.EVENTS, new Fault.Garbage());
        EventLines noisy = client.events();
        assertThat(noisy.response.statusCode()).isEqualTo(200);
        assertThat(noisy.response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        assertThat(noisy.ended()).failsWithin(10, TimeUnit.SECONDS);
        assertThat(noisy.events()).isEmpty();
        assertThat(oxen.openEventStreams()).as("the spoiled stream collects no events").isZero();

        EventLines events = client.events();
        String spoiled = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "y #sim:events-garbage,instant"));
        assertThat(events.ended()).failsWithin(10, TimeUnit.SECONDS);
        assertThat(events.completions()).isEmpty();
        assertThat(client.status(spoiled)).as("the generation itself succeeded").isEqualTo("succeeded");
    }

    @Test
    void aJobsEventsDropDirectiveLosesItsCompletionWithTheConnection(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        EventLines events = client.events();
        String ordinary = client.generation("x", 1);
        String dropping = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "y #sim:events-drop,slow=5s"));
        oxen.advance(Duration.ofSeconds(3));
        events.awaitCompletion(event -> event.data().contains(ordinary));
        oxen.advance(Duration.ofSeconds(2));
        assertThat(events.ended()).failsWithin(10, TimeUnit.SECONDS);
        assertThat(events.lines()).noneMatch(line -> line.contains("\"generation_id\":\"" + dropping + "\",\"status\":\"succeeded\""));
        assertThat(client.status(dropping)).as("the generation itself succeeded").isEqualTo("succeeded");
        Await.until("the dropped stream is released", () -> oxen.openEventStreams() == 0);
    }

    @Test
    void aJobsMalformedOrSlowEventDirectivesShapeItsCompletion(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        try (EventLines events = client.events()) {
            String malformed = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:events-malformed,instant"));
            EventLines.Event broken = events.await("media_generation_completed", 1);
            assertThat(broken.data()).startsWith("{\"generation_id\":\"" + malformed.substring(0, 8));
            assertThatThrownBy(broken::json).isInstanceOf(JsonSyntaxException.class);

            String slow = client.enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:events-slow=10s,instant"));
            oxen.advance(Duration.ofSeconds(9));
            assertThat(events.completions()).hasSize(1);
            oxen.advance(Duration.ofSeconds(1));
            assertThat(events.await("media_generation_completed", 2).json().string("generation_id")).contains(slow);
        }
    }

    @Test
    void refusingFaultsAnswerTheStreamInOxensShape(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        oxen.failNext(Call.EVENTS, new Fault.RateLimited(Option.some(Duration.ofSeconds(3))));
        oxen.failNext(Call.EVENTS, new Fault.ServerError(503));
        HttpResponse<byte[]> limited = client.http.get(client.api("/events"), client.withKey());
        assertOxenError(limited, 429, "too_many_requests", "Rate limit exceeded");
        assertThat(limited.headers().firstValue("Retry-After")).contains("3");
        assertOxenError(client.http.get(client.api("/events"), client.withKey()), 503, "service_unavailable", "simulated 503");
        assertOxenError(client.http.get(client.api("/events")), 401, "unauthenticated", "Authorization: Bearer");
        assertThat(oxen.openEventStreams()).isZero();
    }

    @Test
    void aResetCutsOpenStreams(OxenSimulator oxen) throws IOException {
        Await.until("streams of earlier tests are released", () -> oxen.heldResponses() == 0);
        EventLines events = new OxenClient(oxen).events();
        Await.until("the stream is held open", () -> oxen.heldResponses() == 1);
        oxen.reset();
        assertThat(events.ended()).failsWithin(10, TimeUnit.SECONDS);
        Await.until("the stream is released", () -> oxen.heldResponses() == 0);
        assertThat(oxen.openEventStreams()).isZero();
    }

    @Test
    void anUploadIsAnnouncedAsARepositoryUpdate(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        try (EventLines events = client.events()) {
            HttpResponse<byte[]> uploaded = client.upload("ox", "clips", "main/inputs",
                    List.of(OxenClient.Part.file("files[]", "a.txt", "text/plain", "moo".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            assertThat(uploaded.statusCode()).as(Http.text(uploaded)).isEqualTo(200);
            JsonObject update = events.await("repository_updated", 1).json();
            assertThat(update.string("namespace")).contains("ox");
            assertThat(update.string("repo")).contains("clips");
            assertThat(update.string("branch")).contains("main");
            assertThat(update.string("commit_id")).isEqualTo(Http.json(uploaded).object("commit").get().string("id"));
            assertThat(update.get("paths").get().toJson()).isEqualTo("[\"inputs/a.txt\"]");
        }
    }

    @Test
    void onTheWallClockACompletionIsAnnouncedWhenTheJobEnds() throws IOException {
        try (OxenSimulator oxen = OxenSimulator.start(SimulatorOptions.realTime(), OxenOptions.defaults().withKeepAlive(Duration.ofMinutes(5)));
             EventLines events = new OxenClient(oxen).events()) {
            // The stream sleeps until its next keep-alive, 5 min away; the job's end must wake it.
            String id = new OxenClient(oxen).enqueuedOne(json("model", TEXT_TO_VIDEO, "prompt", "x #sim:slow=300ms"));
            JsonObject completed = events.awaitCompletion(event -> event.data().contains(id)).json();
            assertThat(completed.string("status")).contains("succeeded");
            assertThat(JsonReader.parse(events.await("media_generation_started", 1).data())).isInstanceOf(JsonObject.class);
            assertThat(events.keepAlives()).isZero();
        }
    }
}
