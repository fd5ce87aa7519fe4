package io.imagine4j.testkit.internal.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValue() {
        JsonValue value = JsonReader.parse(" {\"s\":\"a\\u00e9\\n\\\"\\/\",\"n\":-12.50e+2,\"t\":true,\"f\":false,\"z\":null,"
                + "\"a\":[1,[],{}],\"o\":{\"k\":0}}\r\n\t");
        JsonObject object = (JsonObject) value;
        assertThat(object.string("s")).contains("aé\n\"/");
        assertThat(object.number("n")).contains(new BigDecimal("-12.50e+2"));
        assertThat(object.get("t")).contains(JsonBoolean.TRUE);
        assertThat(object.get("f")).contains(JsonBoolean.FALSE);
        assertThat(object.get("z")).contains(JsonNull.INSTANCE);
        assertThat(object.get("a")).contains(JsonArray.of(JsonNumber.of(1), JsonArray.of(), JsonObject.empty()));
        assertThat(object.object("o").flatMap(inner -> inner.number("k"))).contains(BigDecimal.ZERO);
    }

    @Test
    void readsScalarsAtTopLevel() {
        assertThat(JsonReader.parse("\"x\"")).isEqualTo(new JsonString("x"));
        assertThat(JsonReader.parse("0")).isEqualTo(JsonNumber.of(0));
        assertThat(JsonReader.parse("null")).isEqualTo(JsonNull.INSTANCE);
    }

    @Test
    void keepsNumbersExactlyAsWritten() {
        assertThat(JsonReader.parse("8")).isNotEqualTo(JsonReader.parse("8.0"));
        assertThat(((JsonNumber) JsonReader.parse("8.0")).intValue()).contains(8);
        assertThat(((JsonNumber) JsonReader.parse("8.5")).intValue()).isEmpty();
        assertThat(((JsonNumber) JsonReader.parse("1e10")).intValue()).isEmpty();
        assertThat(JsonWriter.write(JsonReader.parse("1.50E+3"))).isEqualTo("1.50E+3");
    }

    @Test
    void readsSurrogatePairsFromEscapes() {
        assertThat(JsonReader.parse("\"\\ud83c\\udfac\"")).isEqualTo(new JsonString("🎬"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{'a':1}", "{a:1}", "01", "-", "1.", ".5", "1e", "+1", "NaN",
            "Infinity", "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "[1 2]", "{\"a\" 1}",
            "{\"a\":1 \"b\":2}", "// comment\n1", "/* c */1", "1 2", "{}x", "[", "\"tab\there\"", "\"line\nbreak\"",
            "{\"a\":1,\"a\":2}", "\uFEFF{}", "1e99999999999", "[-]", "--1", "0x10", "True", "[,1]", "{,}"})
    void refusesWhatIsNotStrictJson(String text) {
        assertThatThrownBy(() -> JsonReader.parse(text)).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void reportsWhereReadingStopped() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,}"))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessageContaining("expected a member name")
                .satisfies(e -> assertThat(((JsonSyntaxException) e).offset()).isEqualTo(7));
        assertThatThrownBy(() -> JsonReader.parse("{\"id\":1,\"id\":2}"))
                .hasMessageContaining("duplicate member name \"id\"");
        assertThatThrownBy(() -> JsonReader.parse("[1,2"))
                .hasMessageContaining("unexpected end of input");
    }

    @Test
    void refusesMalformedUtf8() {
        byte[] invalid = {'"', (byte) 0xC3, '"'};
        assertThatThrownBy(() -> JsonReader.parse(invalid)).hasMessageContaining("not valid UTF-8");
        assertThat(JsonReader.parse("\"é\"".getBytes(StandardCharsets.UTF_8))).isEqualTo(new JsonString("é"));
    }

    @Test
    void limitsNestingDepth() {
        String deepest = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertThat(JsonReader.parse(deepest)).isInstanceOf(JsonArray.class);
        String tooDeep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JsonReader.parse(tooDeep)).hasMessageContaining("nesting deeper than");
    }

    @Test
    void writesCompactlyWithEscapes() {
        JsonObject object = JsonObject.builder()
                .put("s", "a\"b\\c\u0001\u2028")
                .put("n", 24)
                .put("b", false)
                .put("l", java.util.List.of(JsonNull.INSTANCE))
                .put("lone", "\uD800x")
                .build();
        assertThat(object.toJson()).isEqualTo("{\"s\":\"a\\\"b\\\\c\\u0001\u2028\",\"n\":24,\"b\":false,\"l\":[null],\"lone\":\"\\ud800x\"}");
    }
}
