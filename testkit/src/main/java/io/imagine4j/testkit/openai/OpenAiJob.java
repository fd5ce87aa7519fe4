package io.imagine4j.testkit.openai;

import io.vavr.control.Option;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the OpenAI simulator understood of one submit, and how it will speak about the job.
 *
 * <pre>{@code
 * OpenAiJob job = openai.job(id).get().params();
 * assertThat(job.kind()).isEqualTo(OpenAiJobKind.EXTENSION);
 * assertThat(job.seconds()).isEqualTo("20");                       // 8 s input + "12"
 * assertThat(job.length()).isEqualTo(Duration.ofSeconds(20));
 * }</pre>
 *
 * @param kind            which endpoint created it
 * @param model           {@code model} of the Video object
 * @param prompt          the prompt as sent, directives included
 * @param size            {@code size} of the Video object ({@code 720x1280}…)
 * @param seconds         {@code seconds} of the Video object: whole seconds as a string, the stitched
 *                        total for an extension
 * @param length          the exact length of the result MP4 (an edit or extension of an upload keeps its fraction)
 * @param sourceVideoId   the video it was derived from by id (remix, edit, extension), if any
 * @param inputReference  a description of the {@code input_reference} (upload, URL or file id), if any
 * @param gatewayQuirks   the gateway quirks its answers show (none for OpenAI itself)
 * @param contentDelivery how {@code /content} hands out its bytes
 */
public record OpenAiJob(OpenAiJobKind kind, String model, String prompt, String size, String seconds, Duration length,
                        Option<String> sourceVideoId, Option<String> inputReference, Set<GatewayQuirk> gatewayQuirks,
                        ContentDelivery contentDelivery) {

    public OpenAiJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(sourceVideoId, "sourceVideoId");
        Objects.requireNonNull(inputReference, "inputReference");
        gatewayQuirks = gatewayQuirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(gatewayQuirks));
        Objects.requireNonNull(contentDelivery, "contentDelivery");
    }

    public boolean shows(GatewayQuirk quirk) {
        return gatewayQuirks.contains(quirk);
    }

    /** {@code remixed_from_video_id}: the source of a remix only. */
    public Option<String> remixedFromVideoId() {
        return kind == OpenAiJobKind.REMIX ? sourceVideoId : Option.none();
    }

    OpenAiJob speaking(Set<GatewayQuirk> quirks, ContentDelivery delivery) {
        return new OpenAiJob(kind, model, prompt, size, seconds, length, sourceVideoId, inputReference, quirks, delivery);
    }
}
