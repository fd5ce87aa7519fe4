package io.imagine4j.openai;

import io.imagine4j.core.model.MediaSource;
import io.vavr.control.Option;
import io.vavr.control.Try;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Reads an input image's pixel size from its header, without decoding its pixels: ImageIO's
 * {@link ImageReader} for PNG, JPEG, GIF and BMP (it reads only as far as the size), and a reading of
 * the RIFF header by hand for WebP, which the JDK has no reader for (VP8, VP8L and VP8X each put the
 * size at a fixed place in the first 30 bytes).
 */
final class ImagePixels {

    private static final int WEBP_HEADER = 30;

    private ImagePixels() {
    }

    /**
     * The size of local content ({@code file}, {@code bytes}, a {@code data:} URI); none for a remote
     * URL, which only the server reads. A failure when the content is no image this can measure.
     */
    static Try<Option<FrameSize>> of(MediaSource source) {
        if (source instanceof MediaSource.LocalFile file) {
            return Try.of(() -> {
                try (InputStream in = file.open()) {
                    return Option.some(measure(in));
                }
            });
        }
        if (source instanceof MediaSource.Bytes bytes) {
            return Try.of(() -> Option.some(measure(bytes.open())));
        }
        if (source instanceof MediaSource.Url url && url.isDataUri()) {
            return url.dataBytes().mapTry(data -> Option.some(measure(new ByteArrayInputStream(data))));
        }
        return Try.success(Option.none());
    }

    private static FrameSize measure(InputStream content) throws IOException {
        InputStream in = content.markSupported() ? content : new java.io.BufferedInputStream(content);
        in.mark(WEBP_HEADER);
        byte[] head = in.readNBytes(WEBP_HEADER);
        in.reset();
        if (isWebp(head)) {
            return webp(head);
        }
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = stream == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new IOException("not an image format the JDK can read (PNG, JPEG, GIF, BMP) nor WebP");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                return new FrameSize(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    static boolean isWebp(byte[] head) {
        return head.length >= 16 && ascii(head, 0).equals("RIFF") && ascii(head, 8).equals("WEBP");
    }

    private static FrameSize webp(byte[] head) throws IOException {
        if (head.length < WEBP_HEADER) {
            throw new IOException("a WebP file shorter than its header");
        }
        String chunk = ascii(head, 12);
        switch (chunk) {
            case "VP8X":
                return new FrameSize(1 + u24(head, 24), 1 + u24(head, 27));
            case "VP8L": {
                if ((head[20] & 0xff) != 0x2f) {
                    throw new IOException("a VP8L chunk without its signature");
                }
                long bits = (head[21] & 0xffL) | (head[22] & 0xffL) << 8 | (head[23] & 0xffL) << 16 | (head[24] & 0xffL) << 24;
                return new FrameSize(1 + (int) (bits & 0x3fff), 1 + (int) ((bits >> 14) & 0x3fff));
            }
            case "VP8 ": {
                if ((head[23] & 0xff) != 0x9d || (head[24] & 0xff) != 0x01 || (head[25] & 0xff) != 0x2a) {
                    throw new IOException("a VP8 chunk without its start code");
                }
                return new FrameSize(u16(head, 26) & 0x3fff, u16(head, 28) & 0x3fff);
            }
            default:
                throw new IOException("a WebP file with an unknown first chunk '" + chunk.strip() + "'");
        }
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(Arrays.copyOfRange(bytes, at, at + 4), StandardCharsets.US_ASCII);
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
    }

    private static int u24(byte[] bytes, int at) {
        return u16(bytes, at) | (bytes[at + 2] & 0xff) << 16;
    }
}
