package io.imagine4j.xai;

import io.imagine4j.testkit.media.SampleMp4;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
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

    static byte[] gif() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "gif", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A silent 8 kHz mono WAV of {@code seconds}, written by the JDK. */
    static byte[] wav(int seconds) {
        AudioFormat format = new AudioFormat(8_000f, 8, 1, true, false);
        byte[] silence = new byte[8_000 * seconds];
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(silence), format, silence.length);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
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
