package io.imagine4j.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.imagine4j.core.model.Mp4Boxes.box;
import static io.imagine4j.core.model.Mp4Boxes.concat;
import static io.imagine4j.core.model.Mp4Boxes.ftyp;
import static org.assertj.core.api.Assertions.assertThat;

class Mp4HeaderTest {

    @Test
    void reads_version_0_durations_in_the_movie_timescale() {
        assertThat(Mp4Header.duration(Mp4Boxes.mp4(1000, 8_700, 64)).get()).isEqualTo(Duration.ofMillis(8_700));
        assertThat(Mp4Header.duration(Mp4Boxes.mp4(90_000, 90_000 * 3 + 45_000, 64)).get()).isEqualTo(Duration.ofMillis(3_500));
    }

    @Test
    void reads_version_1_durations() {
        byte[] file = concat(ftyp(), box("moov", Mp4Boxes.mvhdV1(600, 600L * 15)));
        assertThat(Mp4Header.duration(file).get()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void finds_moov_before_the_media_or_after_it() {
        byte[] moovFirst = concat(ftyp(), box("moov", box("udta"), Mp4Boxes.mvhdV0(1000, 2_000)), box("mdat", new byte[500]));
        assertThat(Mp4Header.duration(moovFirst).get()).isEqualTo(Duration.ofSeconds(2));
        assertThat(Mp4Header.duration(Mp4Boxes.mp4(1000, 2_000, 10_000)).get()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void skips_boxes_with_64_bit_sizes() {
        byte[] file = concat(ftyp(), Mp4Boxes.largeBox("mdat", new byte[300]), box("moov", Mp4Boxes.mvhdV0(1000, 4_000)));
        assertThat(Mp4Header.duration(file).get()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void reads_a_file_by_seeking_past_large_media(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("clip.mp4");
        Files.write(file, Mp4Boxes.mp4(1000, 8_041, 5_000_000));
        assertThat(Mp4Header.duration(file).get()).isEqualTo(Duration.ofMillis(8_041));
    }

    @Test
    void says_why_when_the_content_is_not_an_mp4() {
        assertThat(Mp4Header.duration("not a video at all".getBytes()).getCause()).hasMessageContaining("'moov'");
        assertThat(Mp4Header.duration(concat(ftyp(), box("moov", box("trak")))).getCause()).hasMessageContaining("'mvhd'");
        assertThat(Mp4Header.duration(new byte[] {0, 0, 0, 3, 'f', 't', 'y', 'p'}).getCause()).hasMessageContaining("invalid size");
        assertThat(Mp4Header.duration(Mp4Boxes.mp4(0, 10, 1)).getCause()).hasMessageContaining("zero timescale");
    }

    @Test
    void a_missing_file_is_a_failure_not_an_exception(@TempDir Path dir) {
        assertThat(Mp4Header.duration(dir.resolve("missing.mp4")).isFailure()).isTrue();
    }
}
