package io.imagine4j.core.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Hand-built MP4 box structures, so the header reader is tested on exactly the layouts it meets. */
final class Mp4Boxes {

    private Mp4Boxes() {
    }

    static byte[] box(String type, byte[]... children) {
        int size = 8;
        for (byte[] child : children) {
            size += child.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size).putInt(size).put(type.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] child : children) {
            buffer.put(child);
        }
        return buffer.array();
    }

    /** A box with a 64-bit "largesize" header. */
    static byte[] largeBox(String type, byte[] payload) {
        long size = 16L + payload.length;
        return ByteBuffer.allocate((int) size).putInt(1).put(type.getBytes(StandardCharsets.ISO_8859_1))
                .putLong(size).put(payload).array();
    }

    static byte[] ftyp() {
        return box("ftyp", "isom".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 0, 2, 0},
                "isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] mvhdV0(long timescale, long duration) {
        ByteBuffer body = ByteBuffer.allocate(100).put((byte) 0).put(new byte[3]).putInt(0).putInt(0)
                .putInt((int) timescale).putInt((int) duration);
        return box("mvhd", body.array());
    }

    static byte[] mvhdV1(long timescale, long duration) {
        ByteBuffer body = ByteBuffer.allocate(112).put((byte) 1).put(new byte[3]).putLong(0).putLong(0)
                .putInt((int) timescale).putLong(duration);
        return box("mvhd", body.array());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A plausible file: ftyp, a media box of {@code mediaBytes}, then moov at the end. */
    static byte[] mp4(long timescale, long duration, int mediaBytes) {
        return concat(ftyp(), box("mdat", new byte[mediaBytes]), box("moov", mvhdV0(timescale, duration), box("trak")));
    }
}
