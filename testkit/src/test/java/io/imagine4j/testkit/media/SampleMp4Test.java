package io.imagine4j.testkit.media;

import io.imagine4j.core.model.Mp4Header;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample videos: a captioned one shows its text on a band at the bottom and is as long as asked. */
class SampleMp4Test {

    private static final Duration LENGTH = Duration.ofMillis(500);
    private static final int BAND_TOP = SampleMp4.HEIGHT - 40;

    @Test
    void a_captioned_video_differs_from_the_plain_one_on_its_bottom_band_only(@TempDir Path dir) throws Exception {
        byte[] plain = SampleMp4.of(LENGTH);
        byte[] captioned = SampleMp4.captioned(LENGTH, List.of("A red fox running through snow", "grok-imagine-video · 0.5 s"));

        assertThat(Mp4Header.duration(Files.write(dir.resolve("c.mp4"), captioned)).get())
                .isCloseTo(LENGTH, Duration.ofMillis(60));
        Picture plainFrame = firstFrame(plain);
        Picture captionedFrame = firstFrame(captioned);
        assertThat(lumaDifference(plainFrame, captionedFrame, BAND_TOP, SampleMp4.HEIGHT)).isGreaterThan(20.0);
        assertThat(lumaDifference(plainFrame, captionedFrame, 0, BAND_TOP - 30)).isLessThan(2.0);
    }

    @Test
    void another_caption_draws_other_frames_and_the_same_caption_is_made_once() throws Exception {
        byte[] fox = SampleMp4.captioned(LENGTH, List.of("A red fox", "m · 0.5 s"));
        byte[] owl = SampleMp4.captioned(LENGTH, List.of("An owl at dusk, seen from below", "m · 0.5 s"));
        assertThat(lumaDifference(firstFrame(fox), firstFrame(owl), BAND_TOP, SampleMp4.HEIGHT)).isGreaterThan(1.0);
        assertThat(SampleMp4.captioned(LENGTH, List.of("A red fox", "m · 0.5 s"))).isSameAs(fox);
    }

    @Test
    void the_caption_leaves_out_simulator_directives() {
        assertThat(RequestCaption.lines("A red fox #sim:time=2s,poll-503  running", "grok-imagine-video", Duration.ofSeconds(8)))
                .containsExactly("A red fox running", "grok-imagine-video · 8 s");
        assertThat(RequestCaption.lines("#sim:fail", "sora-2", Duration.ofMillis(4500))).containsExactly("(no prompt)", "sora-2 · 4.5 s");
    }

    private static Picture firstFrame(byte[] mp4) throws Exception {
        return FrameGrab.getFrameFromChannel(new ByteBufferSeekableByteChannel(ByteBuffer.wrap(mp4), mp4.length), 0);
    }

    /** Mean absolute difference of the luma samples of rows [from, to). */
    private static double lumaDifference(Picture a, Picture b, int from, int to) {
        byte[] lumaA = a.getPlaneData(0);
        byte[] lumaB = b.getPlaneData(0);
        int width = a.getPlaneWidth(0);
        long sum = 0;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < width; x++) {
                sum += Math.abs(lumaA[y * width + x] - lumaB[y * width + x]);
            }
        }
        return (double) sum / ((long) (to - from) * width);
    }
}
