package io.imagine4j.testkit.openai;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonBoolean;
import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.imagine4j.testkit.openai.OpenAiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /videos}: OpenAI's list page and its cursor pagination. */
class OpenAiListTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(OpenAiSimulator::start);

    @Test
    void anEmptyListHasNullCursors(OpenAiSimulator openai) throws IOException {
        HttpResponse<byte[]> response = new OpenAiClient(openai).get("/videos");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.text(response)).isEqualTo("{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}");
        assertThat(openai.calls(Call.LIST)).isEqualTo(1);
    }

    @Test
    void theNewestComeFirstByDefault(OpenAiSimulator openai) throws IOException {
        List<String> created = createFive(openai);
        JsonObject page = page(openai, "");
        assertThat(ids(page)).containsExactlyElementsOf(reversed(created));
        assertThat(page.string("first_id")).contains(created.get(4));
        assertThat(page.string("last_id")).contains(created.get(0));
        assertThat(page.get("has_more")).contains(JsonBoolean.FALSE);
        // Each item is a whole Video object in its current state.
        JsonObject newest = (JsonObject) page.get("data").map(data -> ((JsonArray) data).elements().get(0)).get();
        assertThat(List.copyOf(newest.members().keySet())).isEqualTo(OpenAiClient.VIDEO_FIELDS);
        assertThat(newest.string("status")).contains("in_progress");
        JsonObject oldest = (JsonObject) page.get("data").map(data -> ((JsonArray) data).elements().get(4)).get();
        assertThat(oldest.string("status")).contains("completed");
    }

    @Test
    void pagesFollowTheAfterCursorInEitherOrder(OpenAiSimulator openai) throws IOException {
        List<String> created = createFive(openai);
        assertThat(walk(new OpenAiClient(openai), 2, "asc")).containsExactlyElementsOf(created);
        assertThat(walk(new OpenAiClient(openai), 2, "desc")).containsExactlyElementsOf(reversed(created));

        JsonObject first = page(openai, "?limit=2&order=asc");
        assertThat(ids(first)).containsExactly(created.get(0), created.get(1));
        assertThat(first.get("has_more")).contains(JsonBoolean.TRUE);
        JsonObject last = page(openai, "?limit=2&order=asc&after=" + created.get(3));
        assertThat(ids(last)).containsExactly(created.get(4));
        assertThat(last.get("has_more")).contains(JsonBoolean.FALSE);
        assertThat(last.string("first_id")).isEqualTo(last.string("last_id"));
    }

    @Test
    void aZeroLimitListsNothingButSaysThereIsMore(OpenAiSimulator openai) throws IOException {
        createFive(openai);
        JsonObject page = page(openai, "?limit=0");
        assertThat(ids(page)).isEmpty();
        assertThat(page.get("first_id")).contains(JsonNull.INSTANCE);
        assertThat(page.get("has_more")).contains(JsonBoolean.TRUE);
    }

    @Test
    void theDefaultLimitIsTwenty(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        for (int i = 0; i < 21; i++) {
            client.created("Video " + i);
        }
        JsonObject page = page(openai, "");
        assertThat(ids(page)).hasSize(20);
        assertThat(page.get("has_more")).contains(JsonBoolean.TRUE);
        assertThat(ids(page(openai, "?limit=100"))).hasSize(21);
    }

    @Test
    void badQueryParametersAreRefused(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        assertError(client.get("/videos?limit=ten"), 400, "invalid_request_error", "limit", "invalid_type", "expected an integer");
        assertError(client.get("/videos?limit=101"), 400, "invalid_request_error", "limit", "integer_above_max_value", "<= 100");
        assertError(client.get("/videos?limit=-1"), 400, "invalid_request_error", "limit", "integer_below_min_value", ">= 0");
        assertError(client.get("/videos?order=newest"), 400, "invalid_request_error", "order", "invalid_value",
                "Supported values are: 'asc' and 'desc'.");
        assertError(client.get("/videos?after=video_nope"), 400, "invalid_request_error", "after", "invalid_value", "'video_nope'");
    }

    @Test
    void deletedVideosLeaveTheList(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String kept = client.created("Kept #sim:instant");
        String gone = client.created("Gone #sim:instant");
        assertThat(client.delete("/videos/" + gone).statusCode()).isEqualTo(200);
        assertThat(ids(page(openai, ""))).containsExactly(kept);
    }

    @Test
    void aListFaultAnswersInOpenAisShape(OpenAiSimulator openai) throws IOException {
        openai.failNext(Call.LIST, new Fault.ServerError(503));
        OpenAiClient client = new OpenAiClient(openai);
        assertError(client.get("/videos"), 503, "server_error", null, null, "simulated 503");
        assertThat(client.get("/videos").statusCode()).isEqualTo(200);
    }

    /** Five videos a second apart: by the end the oldest is completed, the newest in progress. */
    private static List<String> createFive(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(client.created("Video " + i));
            openai.advance(Duration.ofSeconds(1));
        }
        return ids;
    }

    /** Every id, page after page, as an SDK's auto-pagination walks them. */
    static List<String> walk(OpenAiClient client, int limit, String order) throws IOException {
        List<String> all = new ArrayList<>();
        String after = "";
        while (true) {
            JsonObject page = page(client, "?limit=" + limit + "&order=" + order + (after.isEmpty() ? "" : "&after=" + after));
            List<String> ids = ids(page);
            assertThat(ids.size()).isLessThanOrEqualTo(limit);
            all.addAll(ids);
            if (page.get("has_more").contains(JsonBoolean.FALSE)) {
                return all;
            }
            after = page.string("last_id").get();
        }
    }

    static JsonObject page(OpenAiSimulator openai, String query) throws IOException {
        return page(new OpenAiClient(openai), query);
    }

    static JsonObject page(OpenAiClient client, String query) throws IOException {
        HttpResponse<byte[]> response = client.get("/videos" + query);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        JsonObject page = Http.json(response);
        assertThat(page.members().keySet()).containsExactly("object", "data", "first_id", "last_id", "has_more");
        assertThat(page.string("object")).contains("list");
        return page;
    }

    static List<String> ids(JsonObject page) {
        return ((JsonArray) page.get("data").get()).elements().stream()
                .map(video -> ((JsonString) ((JsonObject) video).get("id").get()).value()).toList();
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }
}
