package io.imagine4j.reliability.secrets;

import io.imagine4j.reliability.figures.Figures;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key every provider of this suite runs with: a random, recognisable value that must never
 * show up anywhere but in the {@code Authorization} (or {@code api-key}) header sent to the
 * configured API origin. Scanned for whole and in parts, so a key shown half-masked is caught too.
 *
 * <pre>{@code
 * Canary.assertAbsent("a log line", line);
 * }</pre>
 */
public final class Canary {

    /** The secret part: 32 hex digits, unique to this run. */
    private static final String SECRET = UUID.randomUUID().toString().replace("-", "");
    /** The key: a prefix a person would recognise, and the secret. */
    public static final String KEY = "sk-canary-" + SECRET;

    /** What may not appear: the key, the secret, and each half of the secret (16 hex digits). */
    private static final List<String> NEEDLES = List.of(KEY, SECRET, SECRET.substring(0, 16), SECRET.substring(16));

    private static final String SECTION = "secrets";

    private Canary() {
    }

    /** Whether {@code text} holds the key or a recognisable part of it (case aside). */
    public static boolean foundIn(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return NEEDLES.stream().anyMatch(needle -> lower.contains(needle.toLowerCase(Locale.ROOT)));
    }

    public static boolean foundIn(byte[] bytes) {
        return foundIn(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Fails if {@code text} holds the key; counts the scan under {@code kind}. */
    public static void assertAbsent(String kind, String text) {
        Figures.measured().plus(SECTION, kind + " scanned", 1);
        assertThat(foundIn(text)).as("the canary key in %s: %s", kind, text).isFalse();
    }

    /** The throwable's message, its causes' and its stack trace, scanned. */
    public static void assertAbsent(String kind, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        assertAbsent(kind, trace.toString());
    }
}
