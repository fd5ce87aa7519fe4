package io.imagine4j.core.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    @Test
    void aspect_ratios_parse_and_print_as_written() {
        assertThat(AspectRatio.parse(" 9:16 ")).isEqualTo(AspectRatio.PORTRAIT_9_16);
        assertThat(AspectRatio.parse("9:16").isPortrait()).isTrue();
        assertThat(AspectRatio.parse("32:18")).isNotEqualTo(AspectRatio.LANDSCAPE_16_9);
        assertThatThrownBy(() -> AspectRatio.parse("wide")).hasMessageContaining("W:H");
        assertThatThrownBy(() -> AspectRatio.parse("0:1")).hasMessageContaining("positive");
    }

    @Test
    void resolutions_are_normalised_names() {
        assertThat(Resolution.parse("720P")).isEqualTo(Resolution.P720);
        assertThat(Resolution.P1080.lines()).isEqualTo(1080);
        assertThat(Resolution.AUTO.lines()).isZero();
        assertThatThrownBy(() -> Resolution.parse("hd")).hasMessageContaining("720p");
    }

    @Test
    void duration_ranges_describe_themselves_in_seconds() {
        assertThat(DurationRange.upTo(Duration.ofMillis(8_700)).describe()).isEqualTo("at most 8.7 s");
        assertThat(DurationRange.between(Duration.ofSeconds(2), Duration.ofSeconds(15)).describe()).isEqualTo("2–15 s");
        assertThatThrownBy(() -> DurationRange.between(Duration.ofSeconds(3), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void options_are_immutable_and_extras_accumulate() {
        VideoOptions base = VideoOptions.defaults();
        VideoOptions more = base.withExtra("reference_images", java.util.List.of("a")).withExtra("seed", 7);
        assertThat(base.extras()).isEmpty();
        assertThat(more.extras()).containsEntry("seed", 7).containsKey("reference_images");
        assertThatThrownBy(() -> more.extras().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requests_keep_their_kind_and_input_when_options_change() {
        MediaSource clip = MediaSource.url("https://example.com/a.mp4");
        VideoRequest edit = VideoRequest.edit("Snow", clip).with(o -> o.withModel("m"));
        assertThat(edit).isInstanceOf(EditVideo.class);
        assertThat(edit.kind()).isEqualTo(RequestKind.EDIT);
        assertThat(edit.input()).contains(clip);
        assertThat(VideoRequest.textToVideo("x").input()).isEmpty();
    }
}
