package io.imagine4j.reliability.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generators of JSON answers shaped like a provider's: objects whose fields are the provider's own
 * names, each present or not, holding a value of the expected kind most of the time and any JSON
 * value otherwise (a string where a number belongs, an object where a URL does, nulls, huge and
 * negative numbers, URLs of every scheme). Plus arbitrary JSON and arbitrary bytes.
 *
 * <pre>{@code
 * Arbitrary<byte[]> polls = JsonShapes.object(
 *         JsonShapes.field("status", JsonShapes.words("pending", "done")),
 *         JsonShapes.field("progress", JsonShapes.numbers())).map(JsonShapes::bytes);
 * }</pre>
 */
final class JsonShapes {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Words an answer's string fields hold in life, and some they should never. */
    static final List<String> URLS = List.of("http://127.0.0.1:9/results/v.mp4", "https://cdn.example.com/v.mp4?sig=abc&se=1",
            "", " ", "not a url", "file:///etc/passwd", "jar:file:/x.jar!/a", "javascript:alert(1)", "http://", "https://",
            "//cdn.example.com/v.mp4", "/relative/v.mp4", "ht tp://bad", "data:video/mp4;base64,AAAA", "ftp://x/v.mp4",
            "http://[::1]:80/v.mp4", "https://cdn.example.com/" + "a".repeat(3000));

    private JsonShapes() {
    }

    /** A field of an object: its name, and the values it takes. */
    record Field(String name, Arbitrary<Object> values) {
    }

    static Field field(String name, Arbitrary<?> values) {
        return new Field(name, values.map(value -> (Object) value));
    }

    /**
     * An object with each field present half the time, holding one of its values four times in five
     * and any JSON value otherwise; sometimes an extra field no one knows.
     */
    static Arbitrary<Object> object(Field... fields) {
        List<Arbitrary<Object>> parts = new ArrayList<>();
        for (Field field : fields) {
            Arbitrary<Object> value = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(4, field.values()),
                    net.jqwik.api.Tuple.of(1, any(2)));
            parts.add(Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(1, Arbitraries.just(ABSENT)),
                    net.jqwik.api.Tuple.of(2, value)));
        }
        parts.add(Arbitraries.oneOf(Arbitraries.just(ABSENT), any(1)));
        return Combinators.combine(parts).as(values -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                if (values.get(i) != ABSENT) {
                    object.put(fields[i].name(), values.get(i));
                }
            }
            Object extra = values.get(fields.length);
            if (extra != ABSENT) {
                object.put("unknown_field", extra);
            }
            return object;
        });
    }

    /** A list of 0–4 of {@code items}, or null, or something that is no list. */
    static Arbitrary<Object> listOf(Arbitrary<Object> items) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, items.list().ofMaxSize(4).map(list -> (Object) list)),
                net.jqwik.api.Tuple.of(1, any(1)));
    }

    /** One of {@code words}, or any string now and then. */
    static Arbitrary<Object> words(String... words) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(words).map(word -> (Object) word)),
                net.jqwik.api.Tuple.of(1, strings()));
    }

    static Arbitrary<Object> urls() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(URLS).map(url -> (Object) url)),
                net.jqwik.api.Tuple.of(1, strings()));
    }

    /** Numbers of every kind: small, negative, huge, fractional, and beyond a long. */
    static Arbitrary<Object> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 120).map(n -> (Object) n),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.doubles().between(-1e6, 1e12).map(n -> (Object) n),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L).map(n -> (Object) n),
                Arbitraries.of(new java.math.BigInteger("123456789012345678901234567890"),
                        new java.math.BigDecimal("1e400"), new java.math.BigDecimal("-1e-400")).map(n -> (Object) n));
    }

    static Arbitrary<Object> booleans() {
        return Arbitraries.of(true, false).map(b -> (Object) b);
    }

    static Arbitrary<Object> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5).map(s -> (Object) s),
                Arbitraries.of("", "null", "0", "-1", "1e999", "NaN", "true", "\uD800", "\u202Eevil").map(s -> (Object) s));
    }

    /** Any JSON value, nested up to {@code depth}. */
    static Arbitrary<Object> any(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(strings(), numbers(), booleans(), Arbitraries.just(null), urls());
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<Object> inner = Arbitraries.lazy(() -> any(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(3).map(list -> (Object) list)),
                net.jqwik.api.Tuple.of(1, Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(8), inner).ofMaxSize(3)
                        .map(map -> (Object) map)));
    }

    /** Arbitrary bytes: noise, and truncated or padded JSON-looking text. */
    static Arbitrary<byte[]> bytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(600),
                Arbitraries.strings().withChars("{}[]\":,0123456789.-eEtrufalsn \\u").ofMaxLength(200)
                        .map(text -> text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The JSON text of a generated value. */
    static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a generated value is not JSON: " + value, e);
        }
    }

    /** Marks a field left out of an object. */
    private static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "(absent)";
        }
    };

    /** For reports: a body as text, shortened. */
    static String show(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…(" + body.length + " bytes)" : text;
    }

    static List<String> join(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
