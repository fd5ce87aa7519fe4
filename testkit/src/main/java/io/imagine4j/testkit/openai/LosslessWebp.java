package io.imagine4j.testkit.openai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A minimal encoder of lossless WebP (VP8L, RFC 9649) for two-colour pictures: no transforms, no
 * colour cache, one group of "simple" prefix codes of one or two symbols per channel, so each
 * pixel costs at most four bits. Enough for a real, decodable thumbnail without an image library.
 *
 * <pre>{@code
 * byte[] webp = LosslessWebp.twoColours(320, 176, 0xFF141E3C, 0xFFE6782A, (x, y) -> x >= 152 && x < 168);
 * }</pre>
 */
final class LosslessWebp {

    /** Which of the two colours a pixel has. */
    @FunctionalInterface
    interface Picture {
        boolean isForeground(int x, int y);
    }

    private static final int SIGNATURE = 0x2F;
    private static final int MAX_SIDE = 1 << 14;

    private LosslessWebp() {
    }

    /**
     * A {@code width}×{@code height} image in two ARGB colours.
     *
     * @throws IllegalArgumentException for a side outside 1–16384
     */
    static byte[] twoColours(int width, int height, int background, int foreground, Picture picture) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("a VP8L image is 1 to 16384 pixels a side, got " + width + "x" + height);
        }
        // Channels in the order the bitstream reads a pixel: green, red, blue, alpha.
        int[] shifts = {8, 16, 0, 24};
        List<int[]> codes = new ArrayList<>();
        for (int shift : shifts) {
            TreeSet<Integer> values = new TreeSet<>(List.of((background >>> shift) & 0xFF, (foreground >>> shift) & 0xFF));
            codes.add(values.stream().mapToInt(Integer::intValue).toArray());
        }
        boolean alphaUsed = ((background >>> 24) & 0xFF) != 0xFF || ((foreground >>> 24) & 0xFF) != 0xFF;

        BitWriter bits = new BitWriter();
        bits.write(SIGNATURE, 8);
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(alphaUsed ? 1 : 0, 1);
        bits.write(0, 3);  // version
        bits.write(0, 1);  // no transform
        bits.write(0, 1);  // no colour cache
        bits.write(0, 1);  // one prefix code group for the whole image (no meta prefix image)
        for (int[] code : codes) {
            simpleCode(bits, code);
        }
        simpleCode(bits, new int[] {0}); // distance code: never used, one symbol
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int colour = picture.isForeground(x, y) ? foreground : background;
                for (int channel = 0; channel < shifts.length; channel++) {
                    int[] code = codes.get(channel);
                    if (code.length == 2) {
                        // Canonical codes of two one-bit symbols: the smaller value is 0.
                        bits.write(((colour >>> shifts[channel]) & 0xFF) == code[1] ? 1 : 0, 1);
                    }
                }
            }
        }
        return riff(bits.toByteArray());
    }

    /** A simple prefix code: one symbol (zero bits a use) or two (one bit each). */
    private static void simpleCode(BitWriter bits, int[] symbols) {
        bits.write(1, 1);
        bits.write(symbols.length - 1, 1);
        boolean eightBits = symbols[0] > 1;
        bits.write(eightBits ? 1 : 0, 1);
        bits.write(symbols[0], eightBits ? 8 : 1);
        if (symbols.length == 2) {
            bits.write(symbols[1], 8);
        }
    }

    private static byte[] riff(byte[] vp8l) {
        int padded = vp8l.length + (vp8l.length & 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(20 + padded);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        littleEndian(out, 4 + 8 + padded);
        out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        littleEndian(out, vp8l.length);
        out.writeBytes(vp8l);
        if (padded != vp8l.length) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void littleEndian(ByteArrayOutputStream out, int value) {
        for (int i = 0; i < 4; i++) {
            out.write((value >>> (8 * i)) & 0xFF);
        }
    }

    /** Bits packed least significant first, as VP8L reads them. */
    private static final class BitWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long buffer;
        private int used;

        void write(int value, int count) {
            buffer |= ((long) value & ((1L << count) - 1)) << used;
            used += count;
            while (used >= 8) {
                bytes.write((int) (buffer & 0xFF));
                buffer >>>= 8;
                used -= 8;
            }
        }

        byte[] toByteArray() {
            if (used > 0) {
                bytes.write((int) (buffer & 0xFF));
                buffer = 0;
                used = 0;
            }
            return bytes.toByteArray();
        }
    }
}
