package io.imagine4j.openai;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.Resolution;

/**
 * What OpenAI's video models accept, as its API reference documents them, and a starting point to
 * declare other servers' models:
 * <ul>
 *   <li>{@code sora-2}: 4, 8 or 12 s, {@code 720x1280} or {@code 1280x720} (9:16 or 16:9 at 720p);</li>
 *   <li>{@code sora-2-pro}: also {@code 1024x1792} and {@code 1792x1024} (1024p);</li>
 *   <li>both: image-to-video with a PNG, JPEG or WebP of the video's size; edits and extensions (a
 *       new segment of 4–20 s, in steps of 4, 4 s unless asked) of an MP4 or of a previous result; remixes of a
 *       previous result. A prompt of at most 32,000 characters.</li>
 * </ul>
 *
 * <pre>{@code
 * // a gateway that also takes 16 s on its own model name
 * ModelCapabilities mine = OpenAiModels.withDurations(OpenAiModels.sora2().renamed("my-video-model"), 4, 8, 12, 16);
 * VideoProvider gateway = OpenAiVideos.builder().baseUrl(url).apiKey(key).model(mine).defaultModel("my-video-model").build();
 * }</pre>
 */
public final class OpenAiModels {

    public static final String SORA_2 = "sora-2";
    public static final String SORA_2_PRO = "sora-2-pro";
    /** The prompt limit of OpenAI's API reference. */
    public static final int MAX_PROMPT_LENGTH = 32_000;

    private static final MediaSource.Kind[] IMAGE_SOURCES = {MediaSource.Kind.URL, MediaSource.Kind.FILE, MediaSource.Kind.BYTES};
    private static final MediaSource.Kind[] VIDEO_SOURCES = {MediaSource.Kind.FILE, MediaSource.Kind.BYTES, MediaSource.Kind.RESULT};

    private OpenAiModels() {
    }

    /** {@code sora-2}: 720p, 9:16 or 16:9, 4, 8 or 12 s. */
    public static ModelCapabilities sora2() {
        return model(SORA_2, Resolution.P720);
    }

    /** {@code sora-2-pro}: {@link #sora2()} plus 1024p ({@code 1024x1792}, {@code 1792x1024}). */
    public static ModelCapabilities sora2Pro() {
        return model(SORA_2_PRO, Resolution.P720, FrameSize.P1024);
    }

    /** {@code model} with its generations (text- and image-to-video) allowing {@code seconds} instead. */
    public static ModelCapabilities withDurations(ModelCapabilities model, int... seconds) {
        ModelCapabilities changed = model;
        for (RequestKind kind : new RequestKind[] {RequestKind.TEXT_TO_VIDEO, RequestKind.IMAGE_TO_VIDEO}) {
            ModelCapabilities current = changed;
            changed = current.limits(kind).map(limits -> current.kind(kind, limits.toBuilder().durations(seconds).build()))
                    .getOrElse(current);
        }
        return changed;
    }

    private static ModelCapabilities model(String name, Resolution... resolutions) {
        RequestLimits generation = RequestLimits.builder()
                .durations(4, 8, 12)
                .defaultDuration(4)
                .aspectRatios(AspectRatio.PORTRAIT_9_16, AspectRatio.LANDSCAPE_16_9)
                .resolutions(resolutions)
                .maxPromptLength(MAX_PROMPT_LENGTH)
                .build();
        RequestLimits fromImage = generation.toBuilder()
                .inputTypes(MediaType.PNG, MediaType.JPEG, MediaType.WEBP)
                .inputSources(IMAGE_SOURCES)
                .build();
        RequestLimits edit = RequestLimits.builder()
                .inputTypes(MediaType.MP4)
                .inputSources(VIDEO_SOURCES)
                .maxPromptLength(MAX_PROMPT_LENGTH)
                .build();
        RequestLimits extension = edit.toBuilder()
                .durations(4, 8, 12, 16, 20)
                .defaultDuration(4) // the API requires the segment's length; this is sent when a request names none
                .build();
        RequestLimits remix = RequestLimits.builder()
                .inputSources(MediaSource.Kind.RESULT)
                .maxPromptLength(MAX_PROMPT_LENGTH)
                .build();
        return ModelCapabilities.named(name)
                .kind(RequestKind.TEXT_TO_VIDEO, generation)
                .kind(RequestKind.IMAGE_TO_VIDEO, fromImage)
                .kind(RequestKind.EDIT, edit)
                .kind(RequestKind.EXTEND, extension)
                .kind(RequestKind.REMIX, remix);
    }
}
