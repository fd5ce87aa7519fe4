package io.imagine4j.openai;

import io.imagine4j.core.model.MediaSource;
import io.vavr.control.Try;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Makes an input image exactly the requested size, for users who asked the adapter to
 * ({@code fitInputImages(true)}): scaled to fit inside the frame, keeping its proportions, and
 * centred on black bars, then written as a PNG. Done with the JDK's ImageIO and Java 2D, so only
 * formats the JDK decodes (PNG, JPEG, GIF, BMP) can be fitted; a WebP must already have the size.
 */
final class ImageFit {

    private ImageFit() {
    }

    /** {@code source} (local content) as a PNG of exactly {@code size}. */
    static Try<byte[]> to(FrameSize size, MediaSource source) {
        return Try.of(() -> {
            BufferedImage image;
            try (InputStream in = open(source)) {
                image = ImageIO.read(in);
            }
            if (image == null) {
                throw new IOException(source.describe() + " is not an image the JDK can decode (PNG, JPEG, GIF or BMP)");
            }
            return png(fit(image, size));
        });
    }

    static BufferedImage fit(BufferedImage image, FrameSize size) {
        double scale = Math.min((double) size.width() / image.getWidth(), (double) size.height() / image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage frame = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, size.width(), size.height());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, (size.width() - width) / 2, (size.height() - height) / 2, width, height, null);
        } finally {
            g.dispose();
        }
        return frame;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("the JDK has no PNG writer");
        }
        return out.toByteArray();
    }

    private static InputStream open(MediaSource source) throws IOException {
        if (source instanceof MediaSource.LocalFile file) {
            return file.open();
        }
        if (source instanceof MediaSource.Bytes bytes) {
            return bytes.open();
        }
        if (source instanceof MediaSource.Url url && url.isDataUri()) {
            return new ByteArrayInputStream(url.dataBytes().get());
        }
        throw new IOException(source.describe() + " is not local content; only the server reads it");
    }
}
