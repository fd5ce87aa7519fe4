package io.imagine4j.testkit.fake;

import io.imagine4j.core.model.ContentVariant;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The previews {@link FakeVideoProvider} serves beside a video: a thumbnail (PNG) and a spritesheet
 * (a JPEG grid of frames), drawn with the JDK's ImageIO so that a test can decode what it downloads.
 * Both show the job's colour, so two jobs' previews differ.
 */
final class PreviewImages {

    private static final int FRAME_WIDTH = 64;
    private static final int FRAME_HEIGHT = 36;
    private static final int GRID = 3;

    private PreviewImages() {
    }

    static byte[] of(ContentVariant variant, long seed) {
        Color colour = new Color((int) (seed * 2654435761L) & 0xFFFFFF);
        return switch (variant) {
            case THUMBNAIL -> encode(frames(1, colour), "png");
            case SPRITESHEET -> encode(frames(GRID, colour), "jpeg");
            case VIDEO -> throw new IllegalArgumentException("the video is not a preview");
        };
    }

    private static BufferedImage frames(int grid, Color colour) {
        BufferedImage image = new BufferedImage(FRAME_WIDTH * grid, FRAME_HEIGHT * grid, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (int i = 0; i < grid * grid; i++) {
                g.setColor(colour.brighter());
                g.fillRect((i % grid) * FRAME_WIDTH, (i / grid) * FRAME_HEIGHT, FRAME_WIDTH, FRAME_HEIGHT);
                g.setColor(colour);
                g.fillRect((i % grid) * FRAME_WIDTH + i * 4 % FRAME_WIDTH, (i / grid) * FRAME_HEIGHT + 8, 12, 12);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("the JDK has no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
