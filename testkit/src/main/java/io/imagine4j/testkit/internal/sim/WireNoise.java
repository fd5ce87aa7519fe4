package io.imagine4j.testkit.internal.sim;

import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.internal.json.JsonSyntaxException;
import io.imagine4j.testkit.internal.json.JsonValue;
import io.imagine4j.testkit.internal.json.JsonWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bodies of the faults that spoil an answer rather than refuse it: a JSON document cut before
 * its end, a proxy's HTML page, bytes that follow no format, an answer padded far beyond any sane
 * size, an answer whose status says something else.
 *
 * <pre>{@code
 * byte[] cut = WireNoise.truncated(body);       // the document without its closing characters
 * byte[] noise = WireNoise.garbage();           // NUL, invalid UTF-8, one long line
 * }</pre>
 */
public final class WireNoise {

    /** What a captive portal or a misrouted proxy answers with 200 instead of the API's JSON. */
    public static final String PORTAL_PAGE = "<!DOCTYPE html>\n<html><head><title>Sign in to continue</title></head>"
            + "<body><h1>Network login required</h1><p>Sign in to use this network.</p></body></html>\n";

    private static final int PAD_CHUNK = 64 * 1024;

    private WireNoise() {
    }

    /**
     * {@code body} without its last closing characters: still a prefix of the document, never a whole
     * one. A body too short to cut that way becomes the start of a status field.
     */
    public static byte[] truncated(byte[] body) {
        int end = body.length;
        while (end > 0 && isClosing(body[end - 1])) {
            end--;
        }
        byte[] cut = Arrays.copyOf(body, end);
        if (cut.length > 0 && !parses(cut)) {
            return cut;
        }
        return "{\"status\":".getBytes(StandardCharsets.UTF_8);
    }

    /** NUL bytes, bytes that are no UTF-8, a line with no end: no JSON, no event stream, no text. */
    public static byte[] garbage() {
        byte[] noise = new byte[70_000];
        byte[] head = {0, 0, (byte) 0xFF, (byte) 0xFE, (byte) 0xC3, '\n', 'd', 'a', 't', 'a', (byte) 0x80, ':', '\r'};
        System.arraycopy(head, 0, noise, 0, head.length);
        for (int i = head.length; i < noise.length; i++) {
            noise[i] = (byte) (i % 7 == 0 ? 0xC0 : 'z'); // one long line: no '\n' after the head
        }
        return noise;
    }

    /** Writes {@code body}, then white space until {@code total} bytes have gone out. */
    public static void padded(byte[] body, long total, OutputStream out) throws IOException {
        out.write(body);
        byte[] spaces = new byte[PAD_CHUNK];
        Arrays.fill(spaces, (byte) ' ');
        for (long left = total - body.length; left > 0; left -= spaces.length) {
            out.write(spaces, 0, (int) Math.min(spaces.length, left));
        }
        out.flush();
    }

    /**
     * The answer with its top-level {@code status} set to {@code status} (and {@code progress} to 0
     * when {@code restart}); an answer that is no JSON object with a status stays as it was.
     */
    public static Reply.Answer withStatus(Reply.Answer answer, String status, boolean restart) {
        JsonValue parsed;
        try {
            parsed = JsonReader.parse(answer.body());
        } catch (JsonSyntaxException notJson) {
            return answer;
        }
        if (!(parsed instanceof JsonObject object) || object.string("status").isEmpty()) {
            return answer;
        }
        Map<String, JsonValue> members = new LinkedHashMap<>(object.members());
        members.put("status", new JsonString(status));
        if (restart && members.containsKey("progress")) {
            members.put("progress", JsonNumber.of(0));
        }
        return new Reply.Answer(answer.status(), answer.headers(), JsonWriter.utf8(new JsonObject(members)));
    }

    private static boolean isClosing(byte b) {
        return b == '}' || b == ']' || b == '"' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static boolean parses(byte[] body) {
        try {
            JsonReader.parse(body);
            return true;
        } catch (JsonSyntaxException invalid) {
            return false;
        }
    }
}
