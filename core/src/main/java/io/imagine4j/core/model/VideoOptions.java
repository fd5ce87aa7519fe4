package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a request may ask for beyond its prompt and input. Every option is optional; an unset
 * option leaves the choice to the provider's default. Whether a set option is allowed is decided
 * against the provider's {@link ProviderCapabilities} before anything is sent.
 *
 * <pre>{@code
 * VideoOptions options = VideoOptions.defaults()
 *         .withModel("grok-imagine-video")
 *         .withDurationSeconds(8)
 *         .withAspectRatio(AspectRatio.LANDSCAPE_16_9)
 *         .withResolution(Resolution.P720);
 * }</pre>
 *
 * @param model       the provider's model name
 * @param duration    the requested length; for an extension, the length of the new segment
 * @param aspectRatio the frame shape
 * @param resolution  the output resolution
 * @param audio       whether to generate sound, where the provider lets you choose
 * @param endUser     an opaque tag for your end user, forwarded for abuse monitoring where the
 *                    provider's API has such a field
 * @param generations how many videos one submit makes (Oxen's {@code num_generations}); each is a
 *                    job of its own
 * @param seed        a seed for repeatable results, where the provider takes one
 * @param extras      provider-specific fields: JSON-compatible values (strings, numbers, booleans,
 *                    lists and maps of them) passed through, or {@link MediaSource}s the adapter
 *                    sends the way its provider takes inputs; adapters offer typed factories for them
 */
public record VideoOptions(
        Option<String> model,
        Option<Duration> duration,
        Option<AspectRatio> aspectRatio,
        Option<Resolution> resolution,
        Option<Boolean> audio,
        Option<String> endUser,
        Option<Integer> generations,
        Option<Long> seed,
        Map<String, Object> extras) {

    private static final VideoOptions DEFAULTS = new VideoOptions(Option.none(), Option.none(), Option.none(),
            Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Map.of());

    public VideoOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(aspectRatio, "aspectRatio");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(endUser, "endUser");
        Objects.requireNonNull(generations, "generations");
        Objects.requireNonNull(seed, "seed");
        extras = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** No option set: the provider decides. */
    public static VideoOptions defaults() {
        return DEFAULTS;
    }

    public VideoOptions withModel(String name) {
        return new VideoOptions(Option.of(name), duration, aspectRatio, resolution, audio, endUser, generations, seed, extras);
    }

    public VideoOptions withDuration(Duration length) {
        return new VideoOptions(model, Option.of(length), aspectRatio, resolution, audio, endUser, generations, seed, extras);
    }

    public VideoOptions withDurationSeconds(int seconds) {
        return withDuration(Duration.ofSeconds(seconds));
    }

    public VideoOptions withAspectRatio(AspectRatio ratio) {
        return new VideoOptions(model, duration, Option.of(ratio), resolution, audio, endUser, generations, seed, extras);
    }

    public VideoOptions withResolution(Resolution value) {
        return new VideoOptions(model, duration, aspectRatio, Option.of(value), audio, endUser, generations, seed, extras);
    }

    public VideoOptions withAudio(boolean enabled) {
        return new VideoOptions(model, duration, aspectRatio, resolution, Option.some(enabled), endUser, generations, seed, extras);
    }

    public VideoOptions withEndUser(String tag) {
        return new VideoOptions(model, duration, aspectRatio, resolution, audio, Option.of(tag), generations, seed, extras);
    }

    /** Asks for {@code count} videos from one submit; each becomes a job of its own. */
    public VideoOptions withGenerations(int count) {
        return new VideoOptions(model, duration, aspectRatio, resolution, audio, endUser, Option.some(count), seed, extras);
    }

    public VideoOptions withSeed(long value) {
        return new VideoOptions(model, duration, aspectRatio, resolution, audio, endUser, generations, Option.some(value), extras);
    }

    /** Adds one provider-specific field; a later value for the same key wins. */
    public VideoOptions withExtra(String key, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(extras);
        next.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new VideoOptions(model, duration, aspectRatio, resolution, audio, endUser, generations, seed, next);
    }

    /** How many videos one submit makes: the option, or 1. */
    public int generationCount() {
        return generations.getOrElse(1);
    }
}
