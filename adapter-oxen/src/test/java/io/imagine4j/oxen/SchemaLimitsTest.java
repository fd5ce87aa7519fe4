package io.imagine4j.oxen;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.http.json.ApiJson;
import io.imagine4j.oxen.wire.ModelBody;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A discovered model's kinds and limits, read from its declared inputs and its {@code request_schema}. */
class SchemaLimitsTest {

    @Test
    void an_enum_of_durations_ratios_that_parse_and_a_prompt_limit_are_read() throws JsonProcessingException {
        ModelCapabilities model = SchemaLimits.of(model("{\"id\":\"m\",\"capabilities\":{\"input\":[\"text\"]},"
                + "\"request_schema\":{\"properties\":{\"prompt\":{\"type\":\"string\",\"maxLength\":500},"
                + "\"duration\":{\"enum\":[4,8,12],\"default\":4},\"aspect_ratio\":{\"enum\":[\"16:9\",\"auto\",\"9:16\"]},"
                + "\"resolution\":{\"enum\":[\"720p\",\"1080p\"]}},\"required\":[\"prompt\"]}}"), false).get();
        RequestLimits limits = model.limits(RequestKind.TEXT_TO_VIDEO).get();
        assertThat(model.supportedKinds()).containsExactly(RequestKind.TEXT_TO_VIDEO);
        assertThat(limits.durations()).containsExactly(4, 8, 12);
        assertThat(limits.defaultDuration()).contains(4);
        assertThat(limits.aspectRatios()).containsExactly(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16);
        assertThat(limits.resolutions()).containsExactly(Resolution.P720, Resolution.P1080);
        assertThat(limits.maxPromptLength()).contains(500);
        assertThat(limits.promptRequired()).isTrue();
        assertThat(limits.audio()).isFalse();
    }

    @Test
    void without_an_input_list_the_schemas_properties_say_what_the_model_takes() throws JsonProcessingException {
        ModelBody editor = model("{\"id\":\"e\",\"request_schema\":{\"properties\":{\"prompt\":{},\"input_video\":{}},"
                + "\"required\":[\"prompt\",\"input_video\"]}}");
        assertThat(SchemaLimits.kinds(editor)).containsExactly(RequestKind.EDIT);
        RequestLimits edit = SchemaLimits.of(editor, true).get().limits(RequestKind.EDIT).get();
        assertThat(edit.durations()).as("no duration property: the result follows the input").isEmpty();
        assertThat(edit.inputSources()).contains(MediaSource.Kind.FILE, MediaSource.Kind.URL, MediaSource.Kind.RESULT);
        ModelBody both = model("{\"id\":\"b\",\"request_schema\":{\"properties\":{\"prompt\":{},\"input_image\":{},"
                + "\"duration\":{\"type\":\"integer\",\"minimum\":2,\"maximum\":4}}}}");
        assertThat(SchemaLimits.kinds(both)).containsExactlyInAnyOrder(RequestKind.TEXT_TO_VIDEO, RequestKind.IMAGE_TO_VIDEO);
        assertThat(SchemaLimits.of(both, false).get().limits(RequestKind.IMAGE_TO_VIDEO).get().durations()).containsExactly(2, 3, 4);
        assertThat(SchemaLimits.of(model("{\"id\":\"chat\",\"capabilities\":{\"input\":[]}}"), false)).isEmpty();
    }

    private static ModelBody model(String json) throws JsonProcessingException {
        return ApiJson.mapper().readValue(json, ModelBody.class);
    }
}
