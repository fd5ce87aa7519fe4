package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;

/**
 * Recognises a {@link MediaType} from the first bytes of a file. Sixteen bytes are enough for
 * every type imagine4j knows; shorter input is matched as far as it goes.
 *
 * <pre>{@code
 * Option<MediaType> type = MagicBytes.sniff(Files.readAllBytes(path)); // Some(PNG)
 * }</pre>
 */
public final class MagicBytes {

    /** How many leading bytes {@link #sniff(byte[])} needs at most. */
    public static final int PREFIX_LENGTH = 16;

    private MagicBytes() {
    }

    public static Option<MediaType> sniff(byte[] head) {
        return sniff(head, head.length);
    }

    /** Sniffs the first {@code length} bytes of {@code head}. */
    public static Option<MediaType> sniff(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (startsWith(head, n, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Option.some(MediaType.PNG);
        }
        if (startsWith(head, n, 0, 0xFF, 0xD8, 0xFF)) {
            return Option.some(MediaType.JPEG);
        }
        if (startsWith(head, n, 0, 'R', 'I', 'F', 'F') && startsWith(head, n, 8, 'W', 'E', 'B', 'P')) {
            return Option.some(MediaType.WEBP);
        }
        if (startsWith(head, n, 0, 'G', 'I', 'F', '8')) {
            return Option.some(MediaType.GIF);
        }
        if (startsWith(head, n, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Option.some(MediaType.WEBM);
        }
        if (startsWith(head, n, 4, 'f', 't', 'y', 'p') && n >= 12) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            return Option.some("qt  ".equals(brand) ? MediaType.QUICKTIME : MediaType.MP4);
        }
        return Option.none();
    }

    private static boolean startsWith(byte[] data, int length, int offset, int... expected) {
        if (length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
