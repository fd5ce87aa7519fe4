package io.imagine4j.testkit.openai;

import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaType;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;

/**
 * The pixel size of a PNG, JPEG or WebP image, read from its header (no decoding), so the
 * simulator can refuse an {@code input_reference} that does not match the requested {@code size}
 * as the API does.
 *
 * <pre>{@code
 * Option<ImageSize> size = ImageSize.of(pngBytes);   // Some(720x1280)
 * }</pre>
 */
record ImageSize(int width, int height) {

    static Option<ImageSize> of(byte[] image) {
        Option<MediaType> type = MagicBytes.sniff(image);
        if (type.contains(MediaType.PNG)) {
            return png(image);
        }
        if (type.contains(MediaType.JPEG)) {
            return jpeg(image);
        }
        if (type.contains(MediaType.WEBP)) {
            return webp(image);
        }
        return Option.none();
    }

    /** {@code 720x1280}, as the API writes sizes. */
    @Override
    public String toString() {
        return width + "x" + height;
    }

    private static Option<ImageSize> png(byte[] image) {
        // The IHDR chunk comes first: width and height, big-endian, at bytes 16 and 20.
        if (image.length < 24 || image[12] != 'I' || image[13] != 'H' || image[14] != 'D' || image[15] != 'R') {
            return Option.none();
        }
        return sized(bigEndian(image, 16, 4), bigEndian(image, 20, 4));
    }

    private static Option<ImageSize> jpeg(byte[] image) {
        int at = 2;
        while (at + 4 <= image.length) {
            if ((image[at] & 0xFF) != 0xFF) {
                return Option.none();
            }
            int marker = image[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2; // markers without a length
                continue;
            }
            int length = bigEndian(image, at + 2, 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                if (at + 9 > image.length) {
                    return Option.none();
                }
                return sized(bigEndian(image, at + 7, 2), bigEndian(image, at + 5, 2));
            }
            at += 2 + length;
        }
        return Option.none();
    }

    private static Option<ImageSize> webp(byte[] image) {
        if (image.length < 30) {
            return Option.none();
        }
        String chunk = new String(image, 12, 4, StandardCharsets.ISO_8859_1);
        switch (chunk) {
            case "VP8 ":
                // Key frame header: 3 bytes of frame tag, the start code 9d 01 2a, then 14-bit sizes.
                return sized(littleEndian(image, 26, 2) & 0x3FFF, littleEndian(image, 28, 2) & 0x3FFF);
            case "VP8L":
                if ((image[20] & 0xFF) != 0x2F) {
                    return Option.none();
                }
                int bits = littleEndian(image, 21, 4);
                return sized((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
            case "VP8X":
                return sized(littleEndian(image, 24, 3) + 1, littleEndian(image, 27, 3) + 1);
            default:
                return Option.none();
        }
    }

    private static Option<ImageSize> sized(int width, int height) {
        return width > 0 && height > 0 ? Option.some(new ImageSize(width, height)) : Option.none();
    }

    private static int bigEndian(byte[] data, int at, int bytes) {
        int value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | (data[at + i] & 0xFF);
        }
        return value;
    }

    private static int littleEndian(byte[] data, int at, int bytes) {
        int value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = (value << 8) | (data[at + i] & 0xFF);
        }
        return value;
    }
}
