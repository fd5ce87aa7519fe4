package io.imagine4j.testkit.internal.json;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader: one value, optional whitespace around it, nothing else. It refuses
 * what lenient parsers let through and real servers do not: comments, trailing commas, single
 * quotes, leading zeros, {@code NaN}, unescaped control characters, invalid escapes, duplicate
 * member names, a byte-order mark, malformed UTF-8, and nesting deeper than {@value #MAX_DEPTH}.
 *
 * <pre>{@code
 * JsonValue value = JsonReader.parse("{\"duration\": 8}");
 * JsonReader.parse("{\"a\":1,}");   // JsonSyntaxException: expected a member name at offset 7
 * }</pre>
 */
public final class JsonReader {

    /** Deeper nesting is refused, so hostile input cannot exhaust the stack. */
    public static final int MAX_DEPTH = 512;

    private final String text;
    private int position;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    public static JsonValue parse(String text) {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        JsonValue value = reader.value();
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.error("unexpected '" + printable(text.charAt(reader.position)) + "' after the value");
        }
        return value;
    }

    /** Reads UTF-8 bytes; malformed UTF-8 is a syntax error at offset 0. */
    public static JsonValue parse(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new JsonSyntaxException("the body is not valid UTF-8", 0);
        }
        return parse(text);
    }

    private JsonValue value() {
        if (position >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return new JsonString(string());
            case 't':
                literal("true");
                return JsonBoolean.TRUE;
            case 'f':
                literal("false");
                return JsonBoolean.FALSE;
            case 'n':
                literal("null");
                return JsonNull.INSTANCE;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected '" + printable(c) + "', expected a value");
        }
    }

    private JsonObject object() {
        enter();
        position++; // {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            depth--;
            return new JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            int nameAt = position;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue value = value();
            if (members.putIfAbsent(name, value) != null) {
                throw new JsonSyntaxException("duplicate member name \"" + name + "\"", nameAt);
            }
            skipWhitespace();
            char next = peek();
            position++;
            if (next == '}') {
                depth--;
                return new JsonObject(members);
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private JsonArray array() {
        enter();
        position++; // [
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            depth--;
            return new JsonArray(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value());
            skipWhitespace();
            char next = peek();
            position++;
            if (next == ']') {
                depth--;
                return new JsonArray(elements);
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        position++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                position--;
                throw error("unescaped control character U+" + String.format("%04X", (int) c) + " in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                throw error("unterminated escape");
            }
            char escape = text.charAt(position++);
            switch (escape) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> {
                    position -= 2;
                    throw error("invalid escape '\\" + printable(escape) + "'");
                }
            }
        }
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("incomplete \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position + i), 16);
            if (digit < 0) {
                throw error("invalid hex digit in a \\u escape");
            }
            code = code * 16 + digit;
        }
        position += 4;
        return (char) code;
    }

    private JsonNumber number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            position++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        try {
            return new JsonNumber(new BigDecimal(text.substring(start, position)));
        } catch (NumberFormatException tooLarge) {
            throw new JsonSyntaxException("number out of range", start);
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected '" + printable(text.charAt(position)) + "', expected a value");
        }
        position += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    /** The current character, or NUL past the end (NUL can never be valid here, so it only fails checks). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private JsonSyntaxException error(String problem) {
        if (position >= text.length() && !problem.startsWith("unexpected end")) {
            return new JsonSyntaxException("unexpected end of input, " + problem, position);
        }
        return new JsonSyntaxException(problem, position);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7E ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
