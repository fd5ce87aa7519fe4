package io.imagine4j.xai;

import io.imagine4j.testkit.media.SampleMp4;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Real inputs for the adapter's tests: a PNG drawn with the JDK, MP4s from the testkit. */
final class Samples {

    private Samples() {
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xFF8800);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path mp4(Path dir, String name, Duration length) {
        try {
            return Files.write(dir.resolve(name), SampleMp4.of(length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
