package io.imagine4j.core.model;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks the three backends need beyond the first round's: generations, seeds, prompts, previous results, provider rules. */
class RequestRulesTest {

    final ProviderCapabilities caps = SampleCapabilities.xaiLike();

    static Seq<String> messages(VideoRequest request, ProviderCapabilities capabilities) {
        return CapabilityCheck.check(request, capabilities).fold(v -> v.map(Violation::message), ok -> List.empty());
    }

    @Test
    void generations_and_seeds_are_checked_against_the_model() {
        assertThat(messages(VideoRequest.textToVideo("A fox").with(o -> o.withGenerations(3).withSeed(7)), caps)).isEmpty();
        assertThat(messages(VideoRequest.textToVideo("A fox").with(o -> o.withGenerations(4)), caps)).containsExactly(
                "generations: 4 is more than one submit may ask for text-to-video on video-1 (allowed: 1–3)");
        assertThat(messages(VideoRequest.textToVideo("A fox").with(o -> o.withGenerations(0)), caps)).containsExactly(
                "generations: 0 is not a number of videos (allowed: 1–3)");
        assertThatThrownBy(() -> CapabilityCheck.require(VideoRequest.textToVideo("A fox")
                .with(o -> o.withModel("video-text").withGenerations(2).withSeed(1)), caps))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("generations: 2 cannot be asked for text-to-video on video-text; submit the request once per video")
                .hasMessageContaining("seed: 1 cannot be chosen for text-to-video on video-text; leave it unset");
    }

    @Test
    void a_prompt_with_a_control_character_is_refused_naming_where() {
        assertThat(messages(VideoRequest.textToVideo("A fox\u0007 in snow\nat dawn\t!"), caps))
                .containsExactly("prompt: U+0007 at position 5 is a control character (allowed: printable text, line breaks and tabs)");
    }

    @Test
    void image_to_video_may_run_without_a_prompt_where_the_model_allows_it() {
        ProviderCapabilities imageOnly = ProviderCapabilities.builder("p").model(ModelCapabilities.named("m")
                .kind(RequestKind.IMAGE_TO_VIDEO, RequestLimits.builder().promptRequired(false)
                        .inputTypes(MediaType.PNG).inputSources(MediaSource.Kind.URL).build())
                .kind(RequestKind.TEXT_TO_VIDEO, RequestLimits.builder().promptRequired(false).build())).build();
        assertThat(messages(VideoRequest.imageToVideo("", MediaSource.url("https://x.example/a.png")), imageOnly)).isEmpty();
        assertThat(messages(VideoRequest.textToVideo(" "), imageOnly)).as("a text-to-video request has nothing else to go on")
                .containsExactly("prompt: (only white space) is not enough: describe the video you want (allowed: a non-empty text)");
    }

    @Test
    void a_previous_result_is_checked_on_its_known_length_and_where_results_are_not_taken_it_is_unsupported() {
        GeneratedVideo ten = GeneratedVideo.at(JobId.of("sample", "a"), URI.create("https://x.example/a.mp4"))
                .withDuration(Duration.ofSeconds(10));
        assertThat(messages(VideoRequest.edit("Snow", MediaSource.of(ten)), caps)).containsExactly(
                "video: the result of job sample:a is 10 s long, outside what is accepted for edit on video-1 (allowed: at most 8.7 s)");
        assertThat(messages(VideoRequest.extend("On", MediaSource.of(ten)), caps)).isEmpty();
        assertThat(messages(VideoRequest.edit("Snow", MediaSource.ofJob(JobId.of("sample", "b"))), caps))
                .as("a job only the provider knows: its length is the provider's to check").isEmpty();
        ProviderCapabilities noResults = caps.toBuilder().model(caps.models().get("video-1").kind(RequestKind.EDIT,
                caps.models().get("video-1").limits(RequestKind.EDIT).get().toBuilder()
                        .inputSources(MediaSource.Kind.URL).build())).build();
        assertThatThrownBy(() -> CapabilityCheck.require(VideoRequest.edit("Snow", MediaSource.of(ten)), noResults))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("video: the result of job sample:a cannot be given as a previous result");
    }

    @Test
    void provider_rules_join_the_list_and_a_rule_that_throws_is_reported_not_thrown() {
        RequestRule noFoxes = (request, limits) -> request.prompt().contains("fox")
                ? List.of(new Violation("prompt", "a fox", "is not allowed here", "any other animal", Violation.Reason.NOT_ALLOWED))
                : List.empty();
        RequestRule broken = (request, limits) -> {
            throw new IllegalStateException("schema unavailable");
        };
        ProviderCapabilities strict = caps.toBuilder().rule(noFoxes).rule(broken).build();
        assertThat(messages(VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(20)), strict)).containsExactly(
                "duration: 20 s is not accepted for text-to-video on video-1 (allowed: 1–15 s)",
                "prompt: a fox is not allowed here (allowed: any other animal)",
                "request: text-to-video could not be checked by a rule of sample (IllegalStateException)");
    }

    @Test
    void a_request_without_a_model_runs_on_the_first_model_that_runs_its_kind() {
        ProviderCapabilities split = ProviderCapabilities.builder("oxen-like")
                .model(ModelCapabilities.named("edit-model").kind(RequestKind.EDIT, RequestLimits.builder()
                        .inputTypes(MediaType.MP4).inputSources(MediaSource.Kind.URL).build()))
                .model(ModelCapabilities.named("image-model").kind(RequestKind.IMAGE_TO_VIDEO, RequestLimits.builder()
                        .inputTypes(MediaType.PNG).inputSources(MediaSource.Kind.URL).build()))
                .build();
        assertThat(CapabilityCheck.require(VideoRequest.imageToVideo("Go", MediaSource.url("https://x.example/a.png")), split)
                .model()).isEqualTo("image-model");
        assertThatThrownBy(() -> CapabilityCheck.require(VideoRequest.textToVideo("Go"), split))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("kind: text-to-video is not offered by any model of oxen-like (allowed: image-to-video, edit)");
    }
}
