package io.imagine4j.reliability.corpus;

import io.imagine4j.testkit.media.SampleMp4;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The local files bad requests are made of: images and videos, good and broken, named right and
 * wrong, a directory, a path to nothing, a file over an inline cap.
 */
final class Fixtures {

    final Path directory;

    Fixtures(Path directory) {
        this.directory = directory;
    }

    /** A real PNG of {@code width}×{@code height}. */
    Path png(String name, int width, int height) {
        return write(name, png(width, height));
    }

    /** A real H.264 MP4 of {@code seconds}. */
    Path mp4(String name, int seconds) {
        return write(name, SampleMp4.of(Duration.ofSeconds(seconds)));
    }

    /** The first half of a real MP4: its header promises what the file no longer holds. */
    Path truncatedMp4(String name) {
        byte[] whole = SampleMp4.of(Duration.ofSeconds(4));
        return write(name, Arrays.copyOf(whole, whole.length / 2));
    }

    /** A PNG signature followed by {@code bytes} of padding: a PNG by its magic bytes, as large as wanted. */
    Path largePng(String name, int bytes) {
        byte[] content = new byte[bytes];
        byte[] signature = png(2, 2);
        System.arraycopy(signature, 0, content, 0, signature.length);
        return write(name, content);
    }

    /** A GIF: an image, but of a type no provider here takes. */
    Path gif(String name) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "gif", out);
            return write(name, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path folder(String name) {
        try {
            return Files.createDirectories(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path missing(String name) {
        return directory.resolve("missing").resolve(name);
    }

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, byte[] content) {
        try {
            return Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
