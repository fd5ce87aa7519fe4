package io.imagine4j.testkit.contract;

import io.imagine4j.testkit.media.SampleMp4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Small, valid inputs for image-to-video, edit and extend requests: a PNG image and a short H.264
 * MP4, made in memory. The contract uses them unless an extender supplies its own.
 *
 * <pre>{@code
 * MediaSource image = MediaSource.bytes(SampleInputs.png());
 * MediaSource video = MediaSource.bytes(SampleInputs.mp4());  // 2 s
 * }</pre>
 */
public final class SampleInputs {

    /** The length of {@link #mp4()}: long enough to extend (2–15 s), short enough to edit (≤ 8.7 s). */
    public static final Duration VIDEO_LENGTH = Duration.ofSeconds(2);

    private static final int SIDE = 32;
    private static final byte[] PNG = encodePng();

    private SampleInputs() {
    }

    /** A 32×32 RGB PNG (a colour gradient). */
    public static byte[] png() {
        return PNG.clone();
    }

    /** A {@link #VIDEO_LENGTH} H.264 MP4. */
    public static byte[] mp4() {
        return SampleMp4.of(VIDEO_LENGTH).clone();
    }

    private static byte[] encodePng() {
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        for (int y = 0; y < SIDE; y++) {
            rows.write(0); // filter: none
            for (int x = 0; x < SIDE; x++) {
                rows.write(x * 8);
                rows.write(y * 8);
                rows.write(128);
            }
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(compressed)) {
            rows.writeTo(zlib);
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        ByteBuffer header = ByteBuffer.allocate(13).putInt(SIDE).putInt(SIDE)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
