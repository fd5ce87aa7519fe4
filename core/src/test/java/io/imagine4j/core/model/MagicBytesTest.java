package io.imagine4j.core.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MagicBytesTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @Test
    void recognises_each_type_by_its_leading_bytes() {
        assertThat(MagicBytes.sniff(PNG)).contains(MediaType.PNG);
        assertThat(MagicBytes.sniff(JPEG)).contains(MediaType.JPEG);
        assertThat(MagicBytes.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains(MediaType.WEBP);
        assertThat(MagicBytes.sniff(ascii("GIF89a"))).contains(MediaType.GIF);
        assertThat(MagicBytes.sniff(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1})).contains(MediaType.WEBM);
        assertThat(MagicBytes.sniff(Mp4Boxes.ftyp())).contains(MediaType.MP4);
        assertThat(MagicBytes.sniff(ascii("\0\0\0\u0014ftypqt  "))).contains(MediaType.QUICKTIME);
    }

    @Test
    void a_riff_that_is_not_webp_or_truncated_input_is_unknown() {
        assertThat(MagicBytes.sniff(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
        assertThat(MagicBytes.sniff(new byte[] {(byte) 0x89, 'P'})).isEmpty();
        assertThat(MagicBytes.sniff(ascii("\0\0\0\u0014fty"))).isEmpty();
        assertThat(MagicBytes.sniff(new byte[0])).isEmpty();
        assertThat(MagicBytes.sniff(ascii("<html>hello</html>"))).isEmpty();
    }

    @Test
    void only_the_given_length_counts() {
        assertThat(MagicBytes.sniff(PNG, 4)).isEmpty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
