package io.imagine4j.testkit.media;

import io.vavr.control.Option;

import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real, playable H.264 MP4 files of a chosen length, made in pure Java and cached, so simulated
 * results can be played, probed and measured like real ones while load tests stay cheap.
 * Lengths are rounded to a tenth of a second (one frame at 10 fps).
 *
 * <pre>{@code
 * byte[] eightSeconds = SampleMp4.of(Duration.ofSeconds(8));
 * byte[] captioned = SampleMp4.captioned(Duration.ofSeconds(8),
 *         List.of("A red fox running through snow", "grok-imagine-video · 8 s"));
 * }</pre>
 */
public final class SampleMp4 {

    /** Frames per second: ten keeps encoding cheap and every length within 0.05 s. */
    public static final int FPS = 10;
    public static final int WIDTH = 320;
    public static final int HEIGHT = 176;

    private static final Map<Long, byte[]> CACHE = new ConcurrentHashMap<>();
    /** Captioned videos are made per request; the last few are kept, for a result downloaded twice. */
    private static final int CAPTIONED_KEPT = 16;
    private static final Map<List<Object>, byte[]> CAPTIONED = new LinkedHashMap<>(CAPTIONED_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, byte[]> eldest) {
            return size() > CAPTIONED_KEPT;
        }
    };

    private SampleMp4() {
    }

    /** An MP4 of {@code length} (at least one frame). The array is shared: do not modify it. */
    public static byte[] of(Duration length) {
        return CACHE.computeIfAbsent(frames(length), frames -> encode(frames, Option.none()));
    }

    /**
     * An MP4 of {@code length} with {@code lines} drawn into every frame, on a band at the bottom
     * (long lines are wrapped, at most four are shown). Where the JDK cannot draw text (no fonts),
     * the video is as {@link #of} makes it. The array is shared: do not modify it.
     */
    public static byte[] captioned(Duration length, List<String> lines) {
        List<Object> key = List.of(frames(length), List.copyOf(lines));
        synchronized (CAPTIONED) {
            byte[] known = CAPTIONED.get(key);
            if (known != null) {
                return known;
            }
        }
        Option<CaptionOverlay> caption = CaptionOverlay.of(lines, WIDTH, HEIGHT);
        byte[] video = caption.isEmpty() ? of(length) : encode(frames(length), caption);
        synchronized (CAPTIONED) {
            CAPTIONED.put(key, video);
        }
        return video;
    }

    private static long frames(Duration length) {
        return Math.max(1, Math.round(length.toMillis() * FPS / 1000.0));
    }

    private static byte[] encode(long frames, Option<CaptionOverlay> caption) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, 64 * 1024 + frames * 16 * 1024));
            ByteBufferSeekableByteChannel channel = new ByteBufferSeekableByteChannel(buffer, 0);
            SequenceEncoder encoder = new SequenceEncoder(channel, Rational.R(FPS, 1), Format.MOV, Codec.H264, null);
            Picture picture = Picture.create(WIDTH, HEIGHT, ColorSpace.RGB);
            for (long frame = 0; frame < frames; frame++) {
                paint(picture, frame, frames);
                caption.forEach(overlay -> overlay.blendInto(picture.getPlaneData(0)));
                encoder.encodeNativeFrame(picture);
            }
            encoder.finish();
            return Arrays.copyOf(buffer.array(), (int) channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a sample MP4", e);
        }
    }

    /** A dark frame with a bar sweeping across it, so players show motion. */
    private static void paint(Picture picture, long frame, long frames) {
        byte[] rgb = picture.getPlaneData(0);
        int bar = (int) (frame * (WIDTH - 16) / Math.max(1, frames - 1));
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int at = (y * WIDTH + x) * 3;
                boolean inBar = x >= bar && x < bar + 16;
                // JCodec's RGB planes hold signed samples centred on zero.
                rgb[at] = (byte) ((inBar ? 230 : 20 + y / 4) - 128);
                rgb[at + 1] = (byte) ((inBar ? 120 : 30) - 128);
                rgb[at + 2] = (byte) ((inBar ? 40 : 60 + x / 8) - 128);
            }
        }
    }
}
