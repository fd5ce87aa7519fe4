package io.imagine4j.openai;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OpenAI's {@code size} from the core's aspect ratio and resolution, and as written. */
class FrameSizeTest {

    @Test
    void soras_sizes_come_from_ratio_and_resolution() {
        assertThat(FrameSize.of(AspectRatio.LANDSCAPE_16_9, Resolution.P720).get()).hasToString("1280x720");
        assertThat(FrameSize.of(AspectRatio.PORTRAIT_9_16, Resolution.P720).get()).hasToString("720x1280");
        assertThat(FrameSize.of(AspectRatio.LANDSCAPE_16_9, FrameSize.P1024).get()).hasToString("1792x1024");
        assertThat(FrameSize.of(AspectRatio.PORTRAIT_9_16, FrameSize.P1024).get()).hasToString("1024x1792");
        assertThat(FrameSize.of(AspectRatio.LANDSCAPE_16_9, Resolution.P1080).get()).hasToString("1920x1080");
        assertThat(FrameSize.of(AspectRatio.SQUARE, Resolution.P720).get()).hasToString("720x720");
        assertThat(FrameSize.of(AspectRatio.LANDSCAPE_16_9, Resolution.AUTO)).isEmpty();
    }

    @Test
    void a_request_names_its_size_exactly_or_by_ratio_and_resolution_or_not_at_all() {
        assertThat(FrameSize.requested(VideoOptions.defaults())).isEmpty();
        assertThat(FrameSize.effective(VideoOptions.defaults())).hasToString("720x1280");
        assertThat(FrameSize.requested(VideoOptions.defaults().withAspectRatio(AspectRatio.LANDSCAPE_16_9)).get())
                .hasToString("1280x720");
        assertThat(FrameSize.requested(VideoOptions.defaults().withResolution(FrameSize.P1024)).get()).hasToString("1024x1792");
        assertThat(FrameSize.requested(OpenAiOptions.size(1792, 1024).apply(VideoOptions.defaults())).get()).hasToString("1792x1024");
    }

    @Test
    void sizes_are_read_as_written_and_refused_otherwise() {
        assertThat(FrameSize.parse(" 1280 x 720 ").get()).isEqualTo(new FrameSize(1280, 720));
        assertThat(FrameSize.parse("1280X720").get()).isEqualTo(new FrameSize(1280, 720));
        assertThat(FrameSize.parse("1280:720")).isEmpty();
        assertThat(FrameSize.parse("0x720")).isEmpty();
        assertThatThrownBy(() -> OpenAiOptions.size("wide")).hasMessageContaining("WIDTHxHEIGHT");
    }
}
