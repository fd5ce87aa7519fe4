package io.imagine4j.testkit.openai;

import java.nio.charset.StandardCharsets;

/**
 * Decodes the part of lossless WebP (RFC 9649) the simulator's thumbnails use, reading the bitstream
 * as the specification describes it: a RIFF container, the VP8L header, no transforms, no colour
 * cache, one group of simple prefix codes, literal pixels. Anything else is refused, so a thumbnail
 * that needs more of the format fails the test instead of being misread.
 */
final class Vp8lReader {

    /** A decoded image: ARGB pixels, row by row. */
    record Image(int width, int height, boolean alphaHint, int[] argb) {
        int pixel(int x, int y) {
            return argb[y * width + x];
        }
    }

    private final byte[] data;
    private long position; // in bits, from the start of the VP8L payload

    private Vp8lReader(byte[] data, int payloadStart) {
        this.data = data;
        this.position = payloadStart * 8L;
    }

    static Image decode(byte[] file) {
        require(file.length >= 21, "too short for RIFF + VP8L");
        require(ascii(file, 0).equals("RIFF") && ascii(file, 8).equals("WEBP"), "not a RIFF WEBP file");
        require(littleEndian(file, 4) == file.length - 8, "the RIFF size does not match the file");
        require(ascii(file, 12).equals("VP8L"), "not a lossless (VP8L) WebP");
        int chunk = littleEndian(file, 16);
        require(20 + chunk + (chunk & 1) == file.length, "the VP8L chunk size does not match the file");
        Vp8lReader bits = new Vp8lReader(file, 20);
        require(bits.read(8) == 0x2F, "no VP8L signature");
        int width = bits.read(14) + 1;
        int height = bits.read(14) + 1;
        boolean alpha = bits.read(1) == 1;
        require(bits.read(3) == 0, "unknown VP8L version");
        require(bits.read(1) == 0, "transforms are outside this reader");
        require(bits.read(1) == 0, "a colour cache is outside this reader");
        require(bits.read(1) == 0, "meta prefix codes are outside this reader");
        int[][] codes = new int[5][];
        for (int i = 0; i < 5; i++) {
            codes[i] = bits.simpleCode();
        }
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            int green = bits.symbol(codes[0]);
            require(green < 256, "backward references are outside this reader");
            int red = bits.symbol(codes[1]);
            int blue = bits.symbol(codes[2]);
            int alphaValue = bits.symbol(codes[3]);
            argb[i] = (alphaValue << 24) | (red << 16) | (green << 8) | blue;
        }
        require(bits.position <= (20L + chunk) * 8, "the pixels run past the chunk");
        return new Image(width, height, alpha, argb);
    }

    /** A simple prefix code: its symbols in code order (canonical: by value). */
    private int[] simpleCode() {
        require(read(1) == 1, "normal prefix codes are outside this reader");
        int count = read(1) + 1;
        int first = read(read(1) == 1 ? 8 : 1);
        if (count == 1) {
            return new int[] {first};
        }
        int second = read(8);
        require(first != second, "a two-symbol code with one symbol twice");
        return new int[] {Math.min(first, second), Math.max(first, second)};
    }

    private int symbol(int[] code) {
        return code.length == 1 ? code[0] : code[read(1)];
    }

    private int read(int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            int at = (int) (position >>> 3);
            require(at < data.length, "read past the end of the file");
            int bit = (data[at] >>> (position & 7)) & 1;
            value |= bit << i;
            position++;
        }
        return value;
    }

    private static String ascii(byte[] data, int at) {
        return new String(data, at, 4, StandardCharsets.US_ASCII);
    }

    private static int littleEndian(byte[] data, int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16 | (data[at + 3] & 0xFF) << 24;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
