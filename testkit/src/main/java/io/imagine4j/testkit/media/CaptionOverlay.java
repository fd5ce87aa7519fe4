package io.imagine4j.testkit.media;

import io.vavr.control.Option;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines of text on a translucent band at the bottom of a frame, rendered once and blended into
 * every frame. The JDK's own text rendering (Java 2D) draws it: no font is shipped, and on a
 * machine without any font the video simply has no caption.
 */
final class CaptionOverlay {

    private static final int MARGIN = 4;
    private static final int MAX_LINES = 4;

    /** ARGB pixels of the whole frame; alpha 0 where the frame shows through. */
    private final int[] argb;

    private CaptionOverlay(int[] argb) {
        this.argb = argb;
    }

    /** The overlay for {@code lines} on a frame of this size, or empty when text cannot be drawn here. */
    static Option<CaptionOverlay> of(List<String> lines, int width, int height) {
        try {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            Graphics2D graphics = image.createGraphics();
            try {
                graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
                FontMetrics metrics = graphics.getFontMetrics();
                List<String> wrapped = wrap(lines, metrics, width - 2 * MARGIN);
                int lineHeight = metrics.getHeight();
                int band = wrapped.size() * lineHeight + 2 * MARGIN;
                graphics.setComposite(AlphaComposite.Src);
                graphics.setColor(new Color(0, 0, 0, 170));
                graphics.fillRect(0, height - band, width, band);
                graphics.setColor(Color.WHITE);
                int baseline = height - band + MARGIN + metrics.getAscent();
                for (String line : wrapped) {
                    graphics.drawString(line, MARGIN, baseline);
                    baseline += lineHeight;
                }
            } finally {
                graphics.dispose();
            }
            return Option.some(new CaptionOverlay(image.getRGB(0, 0, width, height, null, 0, width)));
        } catch (RuntimeException | LinkageError | InternalError noFonts) {
            // A JRE without fonts (or fontconfig) cannot draw text; the video stays playable without it.
            return Option.none();
        }
    }

    /**
     * Blends the caption into a frame of JCodec's signed RGB samples (each value minus 128), the
     * frame this overlay was made for.
     */
    void blendInto(byte[] rgb) {
        for (int pixel = 0; pixel < argb.length; pixel++) {
            int alpha = argb[pixel] >>> 24;
            if (alpha == 0) {
                continue;
            }
            int at = pixel * 3;
            for (int channel = 0; channel < 3; channel++) {
                int over = (argb[pixel] >> (16 - 8 * channel)) & 0xFF;
                int under = rgb[at + channel] + 128;
                rgb[at + channel] = (byte) ((over * alpha + under * (255 - alpha)) / 255 - 128);
            }
        }
    }

    /** Words wrapped to {@code width} pixels, at most {@value #MAX_LINES} lines, the last cut with an ellipsis. */
    private static List<String> wrap(List<String> lines, FontMetrics metrics, int width) {
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            StringBuilder current = new StringBuilder();
            for (String word : line.trim().split("\\s+")) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (metrics.stringWidth(candidate) <= width || current.length() == 0) {
                    current = new StringBuilder(candidate);
                } else {
                    wrapped.add(current.toString());
                    current = new StringBuilder(word);
                }
            }
            wrapped.add(current.toString());
        }
        if (wrapped.size() <= MAX_LINES) {
            return wrapped;
        }
        List<String> kept = new ArrayList<>(wrapped.subList(0, MAX_LINES));
        String last = kept.get(MAX_LINES - 1);
        while (!last.isEmpty() && metrics.stringWidth(last + "…") > width) {
            last = last.substring(0, last.length() - 1);
        }
        kept.set(MAX_LINES - 1, last + "…");
        return kept;
    }
}
