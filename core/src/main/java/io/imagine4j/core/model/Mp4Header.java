package io.imagine4j.core.model;

import io.vavr.control.Try;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Reads the duration of an MP4 (or QuickTime) file from its {@code moov/mvhd} box, without
 * decoding anything. Only box headers are read, so a multi-gigabyte file costs a few reads,
 * wherever its {@code moov} box sits.
 *
 * <pre>{@code
 * Try<Duration> length = Mp4Header.duration(Path.of("clip.mp4")); // Success(PT8.041S)
 * }</pre>
 */
public final class Mp4Header {

    private static final int MAX_DEPTH_BOXES = 10_000;

    private Mp4Header() {
    }

    public static Try<Duration> duration(Path file) {
        return Try.withResources(() -> FileChannel.open(file, StandardOpenOption.READ))
                .of(channel -> read(new ChannelSource(channel)));
    }

    public static Try<Duration> duration(byte[] content) {
        return Try.of(() -> read(new ArraySource(content)));
    }

    private static Duration read(Source source) throws IOException {
        long moov = findBox(source, 0, source.size(), "moov");
        long moovSize = boxSize(source, moov);
        int moovHeader = headerLength(source, moov);
        long mvhd = findBox(source, moov + moovHeader, moov + moovSize, "mvhd");
        int mvhdHeader = headerLength(source, mvhd);
        ByteBuffer body = source.read(mvhd + mvhdHeader, 32);
        int version = body.get(0) & 0xFF;
        long timescale;
        long units;
        if (version == 1) {
            timescale = Integer.toUnsignedLong(body.getInt(20));
            units = body.getLong(24);
        } else {
            timescale = Integer.toUnsignedLong(body.getInt(12));
            units = Integer.toUnsignedLong(body.getInt(16));
        }
        if (timescale == 0) {
            throw new IOException("mvhd has a zero timescale");
        }
        if (units == -1L || (version == 0 && units == 0xFFFF_FFFFL)) {
            throw new IOException("mvhd does not record a duration");
        }
        long seconds = units / timescale;
        long nanos = (units % timescale) * 1_000_000_000L / timescale;
        return Duration.ofSeconds(seconds, nanos);
    }

    /** The offset of the first box named {@code type} in {@code [from, to)}. */
    private static long findBox(Source source, long from, long to, String type) throws IOException {
        long position = from;
        for (int boxes = 0; position + 8 <= to && boxes < MAX_DEPTH_BOXES; boxes++) {
            ByteBuffer header = source.read(position, 8);
            String name = new String(new byte[] {header.get(4), header.get(5), header.get(6), header.get(7)},
                    StandardCharsets.ISO_8859_1);
            if (name.equals(type)) {
                return position;
            }
            long size = boxSize(source, position);
            if (size == 0) {
                break; // the box runs to the end of its parent
            }
            position += size;
        }
        throw new IOException("no '" + type + "' box: not an MP4 file, or a damaged one");
    }

    private static long boxSize(Source source, long position) throws IOException {
        long size = Integer.toUnsignedLong(source.read(position, 4).getInt(0));
        if (size == 1) {
            size = source.read(position + 8, 8).getLong(0);
        }
        if (size != 0 && size < 8) {
            throw new IOException("box at " + position + " has an invalid size " + size);
        }
        return size;
    }

    private static int headerLength(Source source, long position) throws IOException {
        return Integer.toUnsignedLong(source.read(position, 4).getInt(0)) == 1 ? 16 : 8;
    }

    private interface Source {
        long size() throws IOException;

        ByteBuffer read(long position, int length) throws IOException;
    }

    private record ChannelSource(FileChannel channel) implements Source {
        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public ByteBuffer read(long position, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new IOException("the file ends inside a box header at " + position);
                }
            }
            return buffer.flip();
        }
    }

    private record ArraySource(byte[] content) implements Source {
        @Override
        public long size() {
            return content.length;
        }

        @Override
        public ByteBuffer read(long position, int length) throws IOException {
            if (position < 0 || position + length > content.length) {
                throw new IOException("the content ends inside a box header at " + position);
            }
            return ByteBuffer.wrap(content, (int) position, length).slice();
        }
    }
}
