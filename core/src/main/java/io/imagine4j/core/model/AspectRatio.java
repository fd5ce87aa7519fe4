package io.imagine4j.core.model;

/**
 * A frame shape such as {@code 16:9}. Ratios compare by their written terms: {@code 32:18} is not
 * {@code 16:9}, because providers accept only the names they list.
 *
 * <pre>{@code
 * AspectRatio portrait = AspectRatio.parse("9:16");
 * }</pre>
 */
public record AspectRatio(int width, int height) {

    public static final AspectRatio SQUARE = new AspectRatio(1, 1);
    public static final AspectRatio LANDSCAPE_16_9 = new AspectRatio(16, 9);
    public static final AspectRatio PORTRAIT_9_16 = new AspectRatio(9, 16);
    public static final AspectRatio LANDSCAPE_4_3 = new AspectRatio(4, 3);
    public static final AspectRatio PORTRAIT_3_4 = new AspectRatio(3, 4);
    public static final AspectRatio LANDSCAPE_3_2 = new AspectRatio(3, 2);
    public static final AspectRatio PORTRAIT_2_3 = new AspectRatio(2, 3);

    public AspectRatio {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("An aspect ratio needs two positive terms, got " + width + ":" + height);
        }
    }

    /** Parses {@code W:H}. */
    public static AspectRatio parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("An aspect ratio is written W:H, for example 16:9; got '" + text + "'");
        }
        try {
            return new AspectRatio(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("An aspect ratio is written W:H, for example 16:9; got '" + text + "'");
        }
    }

    public boolean isPortrait() {
        return height > width;
    }

    @Override
    public String toString() {
        return width + ":" + height;
    }
}
