package io.imagine4j.spring.jobs;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.testkit.fake.FakeCapabilities;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VideoDefaultsTest {

    private static final ProviderCapabilities FAKE = FakeCapabilities.standard("fake");

    private final VideoDefaults defaults = VideoDefaults.none().withDuration(Duration.ofSeconds(6))
            .withAspectRatio(AspectRatio.PORTRAIT_9_16).withResolution(Resolution.P1080);

    @Test
    void unset_options_take_the_defaults_the_model_accepts_for_the_kind() {
        VideoOptions options = defaults.applyTo(VideoRequest.textToVideo("A fox"), FAKE).options();
        assertThat(options.duration()).contains(Duration.ofSeconds(6));
        assertThat(options.aspectRatio()).contains(AspectRatio.PORTRAIT_9_16);
        assertThat(options.resolution()).isEmpty(); // fake-video stops at 720p: the provider's default stands
    }

    @Test
    void a_default_model_is_chosen_first_and_its_limits_decide_the_rest() {
        VideoOptions options = defaults.withModel(FakeCapabilities.HD_MODEL).applyTo(VideoRequest.textToVideo("A fox"), FAKE)
                .options();
        assertThat(options.model()).contains(FakeCapabilities.HD_MODEL);
        assertThat(options.resolution()).contains(Resolution.P1080);
    }

    @Test
    void what_a_request_sets_wins() {
        VideoRequest request = VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(3).withModel(FakeCapabilities.MODEL));
        VideoOptions options = defaults.withModel(FakeCapabilities.HD_MODEL).applyTo(request, FAKE).options();
        assertThat(options.duration()).contains(Duration.ofSeconds(3));
        assertThat(options.model()).contains(FakeCapabilities.MODEL);
    }

    @Test
    void an_edit_keeps_its_inputs_length_and_shape_and_a_model_that_cannot_edit_is_not_given_to_it() {
        VideoRequest edit = VideoRequest.edit("Make it snow", MediaSource.url(URI.create("https://example.com/fox.mp4")));
        VideoRequest defaulted = defaults.withModel(FakeCapabilities.HD_MODEL).applyTo(edit, FAKE);
        assertThat(defaulted.options()).isEqualTo(edit.options());
    }

    @Test
    void no_defaults_leave_the_request_as_it_is() {
        VideoRequest request = VideoRequest.textToVideo("A fox");
        assertThat(VideoDefaults.none().applyTo(request, FAKE)).isSameAs(request);
        assertThat(VideoDefaults.none().isEmpty()).isTrue();
    }

    @Test
    void defaults_no_request_could_take_are_named_with_what_the_model_takes() {
        assertThat(defaults.unusable(FAKE)).containsExactly("resolution 1080p: fake-video takes 480p, 720p");
        assertThat(defaults.withModel(FakeCapabilities.HD_MODEL).unusable(FAKE)).isEmpty();
        assertThat(VideoDefaults.none().withDuration(Duration.ofMillis(6_500)).unusable(FAKE)).hasSize(1);
        assertThat(VideoDefaults.none().withModel("not-in-the-table").withDuration(Duration.ofHours(1)).unusable(FAKE))
                .as("a model only the provider's list may know is not judged").isEmpty();
        assertThat(new VideoDefaults(Option.none(), Option.none(), Option.none(), Option.none())).isEqualTo(VideoDefaults.none());
    }
}
