package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;

import static io.imagine4j.testkit.oxen.OxenClient.EDIT;
import static io.imagine4j.testkit.oxen.OxenClient.IMAGE_TO_VIDEO;
import static io.imagine4j.testkit.oxen.OxenClient.TEXT_TO_VIDEO;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /ai/models} and {@code /ai/models/{id}}, each model with its plain-JSON-Schema {@code request_schema}. */
class OxenModelsTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(OxenSimulator::start);

    @Test
    void theEditModelsSchemaNamesItsInputAndResolutions(OxenSimulator oxen) throws IOException {
        JsonObject model = get(oxen, "/ai/models/" + EDIT);
        assertThat(model.string("id")).contains(EDIT);
        assertThat(model.string("object")).contains("model");
        assertThat(model.string("owned_by")).contains("oxen");
        assertThat(model.number("created")).isNotEmpty();
        assertThat(model.string("endpoint")).contains("/videos/generate");
        assertThat(model.object("capabilities").get().toJson()).isEqualTo("{\"input\":[\"text\",\"video\"],\"output\":[\"video\"]}");
        JsonObject schema = model.object("request_schema").get();
        assertThat(schema.string("type")).contains("object");
        assertThat(schema.get("required").get().toJson()).isEqualTo("[\"prompt\",\"input_video\"]");
        JsonObject properties = schema.object("properties").get();
        assertThat(properties.members().keySet()).containsExactly("prompt", "input_video", "resolution");
        JsonObject resolution = properties.object("resolution").get();
        assertThat(resolution.get("enum").get().toJson()).isEqualTo("[\"auto\",\"480p\",\"720p\"]");
        assertThat(resolution.string("default")).contains("auto");
        assertThat(properties.object("input_video").get().string("format")).contains("uri");
    }

    @Test
    void theTextToVideoModelsSchemaBoundsItsDuration(OxenSimulator oxen) throws IOException {
        JsonObject properties = get(oxen, "/ai/models/" + TEXT_TO_VIDEO).object("request_schema").get().object("properties").get();
        JsonObject duration = properties.object("duration").get();
        assertThat(duration.string("type")).contains("integer");
        assertThat(duration.number("minimum")).contains(BigDecimal.ONE);
        assertThat(duration.number("maximum")).contains(BigDecimal.valueOf(15));
        assertThat(duration.number("default")).contains(BigDecimal.valueOf(8));
        assertThat(properties.object("aspect_ratio").get().get("enum").get().toJson())
                .isEqualTo("[\"1:1\",\"16:9\",\"9:16\",\"4:3\",\"3:4\",\"3:2\",\"2:3\"]");
        assertThat(properties.members().keySet()).contains("prompt", "input_image", "resolution");
    }

    @Test
    void theImageToVideoModelTakesAnImageItsDurationAndResolution(OxenSimulator oxen) throws IOException {
        JsonObject model = get(oxen, "/ai/models/" + IMAGE_TO_VIDEO);
        assertThat(model.object("capabilities").get().toJson()).isEqualTo("{\"input\":[\"text\",\"image\"],\"output\":[\"video\"]}");
        JsonObject schema = model.object("request_schema").get();
        assertThat(schema.get("required").get().toJson()).isEqualTo("[\"input_image\"]");
        JsonObject properties = schema.object("properties").get();
        assertThat(properties.members().keySet()).containsExactly("prompt", "input_image", "duration", "resolution", "seed");
        assertThat(properties.object("duration").get().number("minimum")).contains(BigDecimal.ONE);
        assertThat(properties.object("duration").get().number("maximum")).contains(BigDecimal.valueOf(15));
        assertThat(properties.object("resolution").get().get("enum").get().toJson()).isEqualTo("[\"480p\",\"720p\"]");
        assertThat(model.object("pricing").get().number("cost_per_second")).contains(new BigDecimal("0.05"));
    }

    @Test
    void theListHoldsEveryModel(OxenSimulator oxen) throws IOException {
        JsonObject list = get(oxen, "/ai/models");
        assertThat(list.string("object")).contains("list");
        List<String> ids = ((JsonArray) list.get("data").get()).elements().stream()
                .map(model -> ((JsonObject) model).string("id").get()).toList();
        assertThat(ids).containsExactly(TEXT_TO_VIDEO, EDIT, IMAGE_TO_VIDEO, "kling-video-v2-6-pro-text-to-video");
        assertThat(((JsonArray) list.get("data").get()).elements().get(1)).isEqualTo(get(oxen, "/ai/models/" + EDIT));
    }

    @Test
    void anUnknownModelIsNotFoundInTheModelsShape(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        HttpResponse<byte[]> response = client.http.get(client.api("/ai/models/grok-9"), client.withKey());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.text(response)).isEqualTo("{\"error\":{\"message\":\"Model not found: grok-9\"}}");
    }

    private static JsonObject get(OxenSimulator oxen, String path) throws IOException {
        OxenClient client = new OxenClient(oxen);
        HttpResponse<byte[]> response = client.http.get(client.api(path), client.withKey());
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        return Http.json(response);
    }
}
