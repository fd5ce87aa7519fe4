package io.imagine4j.core.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An output resolution by name, as providers spell it: {@code 480p}, {@code 720p},
 * {@code 1080p}, or {@code auto}.
 *
 * <pre>{@code
 * Resolution hd = Resolution.parse("720p");
 * }</pre>
 */
public record Resolution(String name) {

    // Declared before the constants: static fields initialise in order.
    private static final Pattern LINES = Pattern.compile("(\\d{3,4})p");

    public static final Resolution P480 = new Resolution("480p");
    public static final Resolution P720 = new Resolution("720p");
    public static final Resolution P1080 = new Resolution("1080p");
    public static final Resolution AUTO = new Resolution("auto");

    public Resolution {
        name = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!(LINES.matcher(name).matches() || name.equals("auto"))) {
            throw new IllegalArgumentException("A resolution is written like 720p (or auto); got '" + name + "'");
        }
    }

    public static Resolution parse(String text) {
        return new Resolution(text);
    }

    /** The number of lines, 720 for {@code 720p}; 0 for {@code auto}. */
    public int lines() {
        var matcher = LINES.matcher(name);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    @Override
    public String toString() {
        return name;
    }
}
