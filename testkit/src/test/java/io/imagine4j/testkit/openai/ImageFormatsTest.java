package io.imagine4j.testkit.openai;

import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaType;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The WebP encoder behind thumbnails, and the header reader behind the input-size check. */
class ImageFormatsTest {

    @Test
    void aTwoColourWebpDecodesToThePictureDrawn() {
        int background = 0x80FF0000;   // half-transparent red
        int foreground = 0xFF00FF00;
        byte[] webp = LosslessWebp.twoColours(7, 5, background, foreground, (x, y) -> (x + y) % 2 == 0);
        assertThat(MagicBytes.sniff(webp)).contains(MediaType.WEBP);
        Vp8lReader.Image image = Vp8lReader.decode(webp);
        assertThat(image.width()).isEqualTo(7);
        assertThat(image.height()).isEqualTo(5);
        assertThat(image.alphaHint()).isTrue();
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertThat(image.pixel(x, y)).as("(%d, %d)", x, y).isEqualTo((x + y) % 2 == 0 ? foreground : background);
            }
        }
    }

    @Test
    void aOneColourWebpCostsNoBitsPerPixel() {
        byte[] small = LosslessWebp.twoColours(1, 1, 0xFF000000, 0xFF000000, (x, y) -> true);
        byte[] large = LosslessWebp.twoColours(1000, 1000, 0xFF000000, 0xFF000000, (x, y) -> true);
        assertThat(large.length).isEqualTo(small.length);
        assertThat(Vp8lReader.decode(large).pixel(999, 999)).isEqualTo(0xFF000000);
        assertThat(Vp8lReader.decode(large).alphaHint()).isFalse();
    }

    @Test
    void theLargestSideIs16384() {
        assertThat(ImageSize.of(LosslessWebp.twoColours(16_384, 1, 0xFF000000, 0xFFFFFFFF, (x, y) -> x % 3 == 0)))
                .contains(new ImageSize(16_384, 1));
        assertThatThrownBy(() -> LosslessWebp.twoColours(16_385, 1, 0, 0, (x, y) -> true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LosslessWebp.twoColours(0, 1, 0, 0, (x, y) -> true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pngAndJpegSizesComeFromTheirHeaders() {
        assertThat(ImageSize.of(TestImages.png(720, 1280))).contains(new ImageSize(720, 1280));
        assertThat(ImageSize.of(TestImages.jpeg(1792, 1024))).contains(new ImageSize(1792, 1024));
        assertThat(new ImageSize(1280, 720)).hasToString("1280x720");
    }

    @Test
    void lossyAndExtendedWebpSizesComeFromTheirChunks() {
        byte[] lossy = riff("VP8 ", new byte[] {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a, (byte) 0xD0, 0x02, 0x00, 0x05, 0, 0});
        assertThat(ImageSize.of(lossy)).contains(new ImageSize(720, 1280));
        byte[] extended = riff("VP8X", new byte[] {0x10, 0, 0, 0, (byte) 0xFF, 0x06, 0x00, (byte) 0xFF, 0x03, 0x00});
        assertThat(ImageSize.of(extended)).contains(new ImageSize(1792, 1024));
    }

    @Test
    void anythingElseHasNoSize() {
        assertThat(ImageSize.of("not an image".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Option.none());
        assertThat(ImageSize.of(Arrays.copyOf(TestImages.png(10, 10), 20))).isEqualTo(Option.none());
        assertThat(ImageSize.of(Arrays.copyOf(TestImages.jpeg(10, 10), 40))).isEqualTo(Option.none());
        assertThat(ImageSize.of("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(Option.none());
    }

    private static byte[] riff(String chunk, byte[] payload) {
        byte[] file = new byte[20 + 20];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 4);
        file[4] = (byte) (file.length - 8);
        System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, file, 8, 4);
        System.arraycopy(chunk.getBytes(StandardCharsets.US_ASCII), 0, file, 12, 4);
        file[16] = 20;
        System.arraycopy(payload, 0, file, 20, payload.length);
        return file;
    }
}
