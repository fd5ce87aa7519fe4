package io.imagine4j.core.model;

import io.vavr.collection.Seq;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation over the whole option space: each bad option is reported once, good ones never. */
class CapabilityCheckProperties {

    private static final ProviderCapabilities CAPS = SampleCapabilities.xaiLike();
    private static final Set<AspectRatio> RATIOS = Set.of(AspectRatio.SQUARE, AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16);
    private static final Set<Resolution> RESOLUTIONS = Set.of(Resolution.P480, Resolution.P720);

    @Property(tries = 1_000)
    void exactly_the_bad_options_are_reported(@ForAll @IntRange(min = -5, max = 40) int seconds,
            @ForAll("ratios") AspectRatio ratio, @ForAll("resolutions") Resolution resolution,
            @ForAll("prompts") String prompt) {
        VideoRequest request = VideoRequest.textToVideo(prompt).with(o -> o.withDurationSeconds(seconds)
                .withAspectRatio(ratio).withResolution(resolution));

        Set<String> expected = new java.util.TreeSet<>();
        boolean control = prompt.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
        if (prompt.isBlank() || control) {
            expected.add("prompt");
        }
        if (seconds < 1 || seconds > 15) {
            expected.add("duration");
        }
        if (!RATIOS.contains(ratio)) {
            expected.add("aspectRatio");
        }
        if (!RESOLUTIONS.contains(resolution)) {
            expected.add("resolution");
        }

        var checked = CapabilityCheck.check(request, CAPS);
        if (expected.isEmpty()) {
            assertThat(checked.isValid()).isTrue();
        } else {
            Seq<Violation> violations = checked.getError();
            assertThat(violations.map(Violation::field).toJavaList()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(violations).allSatisfy(v -> assertThat(v.message()).startsWith(v.field() + ": "));
        }
    }

    @Property(tries = 300)
    void validation_never_throws_for_any_prompt(@ForAll String prompt) {
        assertThat(CapabilityCheck.check(VideoRequest.textToVideo(prompt), CAPS)).isNotNull();
    }

    @Provide
    Arbitrary<AspectRatio> ratios() {
        return Arbitraries.integers().between(1, 21).tuple2().map(t -> new AspectRatio(t.get1(), t.get2()));
    }

    @Provide
    Arbitrary<Resolution> resolutions() {
        return Arbitraries.of(Resolution.P480, Resolution.P720, Resolution.P1080, Resolution.AUTO, new Resolution("360p"));
    }

    @Provide
    Arbitrary<String> prompts() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "\t\n"), Arbitraries.strings().ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank()));
    }
}
