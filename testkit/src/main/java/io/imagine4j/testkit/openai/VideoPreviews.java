package io.imagine4j.testkit.openai;

import io.imagine4j.testkit.media.SampleMp4;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two preview variants of {@code GET /videos/{id}/content}: a thumbnail ({@code image/webp},
 * a real lossless WebP of the video's size) and a spritesheet ({@code image/jpeg}, one tile per
 * second of video, at most {@value #COLUMNS} a row). Both show the sample video's sweeping bar, and
 * both are cached, since every result of one length looks the same.
 *
 * <pre>{@code
 * byte[] webp = VideoPreviews.thumbnail();
 * byte[] jpeg = VideoPreviews.spritesheet(Duration.ofSeconds(8));   // 8 tiles, 5 + 3
 * }</pre>
 */
final class VideoPreviews {

    static final int TILE_WIDTH = SampleMp4.WIDTH / 4;
    static final int TILE_HEIGHT = SampleMp4.HEIGHT / 4;
    static final int COLUMNS = 5;
    static final int BACKGROUND = 0xFF141E3C;
    static final int BAR = 0xFFE6782A;
    static final int BAR_WIDTH = 16;

    private static final byte[] THUMBNAIL = LosslessWebp.twoColours(SampleMp4.WIDTH, SampleMp4.HEIGHT, BACKGROUND, BAR,
            (x, y) -> x >= (SampleMp4.WIDTH - BAR_WIDTH) / 2 && x < (SampleMp4.WIDTH + BAR_WIDTH) / 2);
    private static final Map<Integer, byte[]> SPRITESHEETS = new ConcurrentHashMap<>();

    private VideoPreviews() {
    }

    /** The shared bytes: do not modify. */
    static byte[] thumbnail() {
        return THUMBNAIL;
    }

    /** The shared bytes: do not modify. */
    static byte[] spritesheet(Duration length) {
        int tiles = (int) Math.max(1, Math.round(length.toMillis() / 1000.0));
        return SPRITESHEETS.computeIfAbsent(tiles, VideoPreviews::drawSpritesheet);
    }

    private static byte[] drawSpritesheet(int tiles) {
        int columns = Math.min(tiles, COLUMNS);
        int rows = (tiles + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(columns * TILE_WIDTH, rows * TILE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int tile = 0; tile < tiles; tile++) {
            int left = (tile % columns) * TILE_WIDTH;
            int top = (tile / columns) * TILE_HEIGHT;
            int bar = tiles == 1 ? 0 : tile * (TILE_WIDTH - BAR_WIDTH / 4) / (tiles - 1);
            for (int y = 0; y < TILE_HEIGHT; y++) {
                for (int x = 0; x < TILE_WIDTH; x++) {
                    boolean inBar = x >= bar && x < bar + BAR_WIDTH / 4;
                    sheet.setRGB(left + x, top + y, inBar ? BAR : BACKGROUND);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(sheet, "jpg", out)) {
                throw new IllegalStateException("this Java runtime has no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a spritesheet", e);
        }
        return out.toByteArray();
    }
}
