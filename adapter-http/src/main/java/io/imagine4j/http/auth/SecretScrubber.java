package io.imagine4j.http.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text from a provider safe to put in an error message or log line: removes anything shaped
 * like a credential (bearer tokens, {@code sk-…}/{@code xai-…} keys, JWTs, "API key provided: …"
 * echoes), flattens control characters so one message stays one log line, and truncates.
 *
 * <pre>{@code
 * SecretScrubber.scrub("Incorrect API key provided: xai-12***89.", 200);
 * // "Incorrect API key provided: [redacted]."
 * }</pre>
 */
public final class SecretScrubber {

    private static final String REDACTED = "[redacted]";
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[^\\s\"',;]+");
    private static final Pattern KEY_ECHO = Pattern.compile(
            "(?i)(api[ _-]?key(?:\\s+provided)?\\s*[:=]\\s*)[^\\s\"',;]*[^\\s\"',;.]");
    // A vendor prefix and a long random tail; the tail must hold a digit and a capital letter, so
    // that lower-case model names such as xai-grok-imagine-video-edit-video stay readable.
    private static final Pattern PREFIXED_KEY = Pattern.compile(
            "\\b(?:sk|xai|rk|pk|sess|oxen)[-_][A-Za-z0-9_\\-*.]{16,}");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

    private SecretScrubber() {
    }

    private static boolean looksRandom(String token) {
        return token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isUpperCase);
    }

    /** {@code text} without credentials or control characters, at most {@code maxLength} characters. */
    public static String scrub(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String clean = CONTROL.matcher(text).replaceAll(" ");
        clean = BEARER.matcher(clean).replaceAll("$1 " + REDACTED);
        clean = KEY_ECHO.matcher(clean).replaceAll("$1" + REDACTED);
        clean = JWT.matcher(clean).replaceAll(REDACTED);
        clean = PREFIXED_KEY.matcher(clean).replaceAll(match -> looksRandom(match.group())
                ? REDACTED : Matcher.quoteReplacement(match.group()));
        clean = clean.strip();
        if (clean.length() > maxLength) {
            clean = clean.substring(0, Math.max(0, maxLength - 1)).stripTrailing() + "…";
        }
        return clean;
    }
}
