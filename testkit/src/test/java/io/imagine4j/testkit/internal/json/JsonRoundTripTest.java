package io.imagine4j.testkit.internal.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonRoundTripTest {

    @Property(tries = 400)
    void writtenValuesReadBackEqual(@ForAll("values") JsonValue value) {
        assertThat(JsonReader.parse(JsonWriter.write(value))).isEqualTo(value);
    }

    @Property(tries = 400)
    void utf8BytesReadBackEqual(@ForAll("values") JsonValue value) {
        byte[] utf8 = JsonWriter.utf8(value);
        assertThat(JsonReader.parse(utf8)).isEqualTo(value);
        // Nothing unencodable slipped through: the bytes decode and re-encode unchanged.
        assertThat(new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(utf8);
    }

    @Property(tries = 300)
    void writingIsCanonical(@ForAll("values") JsonValue value) {
        String once = JsonWriter.write(value);
        assertThat(JsonWriter.write(JsonReader.parse(once))).isEqualTo(once);
    }

    @Property(tries = 300)
    void anyStringSurvivesAndIsWrittenWithoutRawControlCharacters(@ForAll("anyText") String text) {
        String written = JsonWriter.write(new JsonString(text));
        assertThat(written.chars()).noneMatch(c -> c < 0x20);
        assertThat(JsonReader.parse(written)).isEqualTo(new JsonString(text));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void numbersKeepTheirExactDecimalForm(@ForAll("numbers") JsonNumber number) {
        JsonNumber read = (JsonNumber) JsonReader.parse(JsonWriter.write(number));
        assertThat(read.value()).isEqualTo(number.value());
        assertThat(read.value().scale()).isEqualTo(number.value().scale());
    }

    // Edge cases of two nested generators outnumber the tries; random cases cover the space better.
    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void aTruncatedDocumentIsNeverAccepted(@ForAll("containers") JsonValue value, @ForAll("fractions") double cut) {
        String text = JsonWriter.write(value);
        int length = (int) (cut * (text.length() - 1)); // a proper prefix, possibly empty
        String prefix = text.substring(0, length);
        assertThatThrownBy(() -> JsonReader.parse(prefix)).isInstanceOf(JsonSyntaxException.class);
    }

    @Provide
    Arbitrary<JsonValue> values() {
        return value(4);
    }

    @Provide
    Arbitrary<JsonValue> containers() {
        return Arbitraries.oneOf(array(3), object(3));
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }

    @Provide
    Arbitrary<JsonNumber> numbers() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30));
        Arbitrary<Integer> scale = Arbitraries.integers().between(-40, 40);
        return Combinators.combine(unscaled, scale).as((digits, places) -> new JsonNumber(new BigDecimal(digits, places)));
    }

    private Arbitrary<JsonValue> value(int depth) {
        Arbitrary<JsonValue> leaves = Arbitraries.oneOf(
                anyText().map(JsonString::new),
                numbers().map(JsonValue.class::cast),
                Arbitraries.of(JsonBoolean.TRUE, JsonBoolean.FALSE, JsonNull.INSTANCE));
        if (depth == 0) {
            return leaves;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaves),
                net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> array(depth - 1))),
                net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> object(depth - 1))));
    }

    private Arbitrary<JsonValue> array(int depth) {
        return value(depth).list().ofMaxSize(5).map(JsonArray::new);
    }

    private Arbitrary<JsonValue> object(int depth) {
        return Arbitraries.maps(anyText(), value(depth)).ofMaxSize(5)
                .map(members -> new JsonObject(new LinkedHashMap<String, JsonValue>(members)));
    }

    @Property(tries = 50)
    void memberOrderIsKept(@ForAll("names") java.util.List<String> names) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        names.forEach(name -> members.put(name, JsonNull.INSTANCE));
        JsonObject read = (JsonObject) JsonReader.parse(JsonWriter.write(new JsonObject(members)));
        assertThat(read.members().keySet()).containsExactlyElementsOf(members.keySet());
    }

    @Provide
    Arbitrary<java.util.List<String>> names() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).list().uniqueElements().ofMaxSize(8);
    }
}
