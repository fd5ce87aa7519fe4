package io.imagine4j.xai;

import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.VideoOptions;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The parts of an xAI request beyond {@code VideoOptions}: reference images (reference-to-video),
 * keyframes, reference audio, storage in xAI's Files API, and an upload URL for the result. Each
 * factory changes a request's options; inputs are {@link MediaSource}s, sent like the request's own
 * input (a public URL as it is, a local file or bytes inline as a {@code data:} URI). xAI's rules
 * for them (how many, which combine, lengths, sizes, types) are checked with the rest of the
 * request, before anything is sent.
 *
 * <pre>{@code
 * VideoRequest runway = VideoRequest.textToVideo("The model from <IMAGE_1> walks the runway in the shirt from <IMAGE_2>")
 *         .with(XaiOptions.referenceImages(MediaSource.file(Path.of("model.png")), MediaSource.url("https://example.com/shirt.jpg")))
 *         .with(XaiOptions.storeAs("runway.mp4", Duration.ofDays(7)))
 *         .with(XaiOptions.publicUrl());
 * VideoRequest anchored = VideoRequest.imageToVideo("A fox crosses the field", MediaSource.file(Path.of("start.png")))
 *         .with(o -> o.withDurationSeconds(6))
 *         .with(XaiOptions.keyframe(Duration.ofSeconds(3), MediaSource.file(Path.of("middle.png"))));
 * }</pre>
 */
public final class XaiOptions {

    private XaiOptions() {
    }

    /**
     * {@code reference_images}: up to seven images (PNG, JPEG or WebP) whose people, objects or style
     * the video should feature, without fixing its first frame; the prompt may name them
     * {@code <IMAGE_1>}, {@code <IMAGE_2>}… Text-to-video only: not with a first-frame image or
     * keyframes; at most 10 s and 720p. Replaces any reference images set before.
     */
    public static UnaryOperator<VideoOptions> referenceImages(MediaSource... images) {
        return referenceImages(List.of(images));
    }

    /** {@link #referenceImages(MediaSource...)} from a list. */
    public static UnaryOperator<VideoOptions> referenceImages(List<MediaSource> images) {
        List<MediaSource> copy = List.copyOf(images);
        return options -> options.withExtra(XaiExtras.REFERENCE_IMAGES, copy);
    }

    /**
     * Adds one of {@code keyframes}: {@code image} appears as it is at {@code at}, strictly inside the
     * clip ({@code 0 < at < duration}; xAI snaps it to a third of a second). At most four; not with
     * reference images.
     */
    public static UnaryOperator<VideoOptions> keyframe(Duration at, MediaSource image) {
        Objects.requireNonNull(image, "image");
        BigDecimal seconds = BigDecimal.valueOf(Objects.requireNonNull(at, "at").toMillis()).movePointLeft(3).stripTrailingZeros();
        Map<String, Object> keyframe = new LinkedHashMap<>();
        keyframe.put("image", image);
        keyframe.put("timestamp_s", seconds);
        return options -> options.withExtra(XaiExtras.KEYFRAMES, appended(options, XaiExtras.KEYFRAMES,
                Collections.unmodifiableMap(keyframe)));
    }

    /**
     * Adds a voice reference clip to {@code reference_audios} (at most three references, each clip at
     * most 15 s; WAV, MP3, Ogg or FLAC when sent inline). Selects reference-to-video like reference
     * images do, on the models that take reference audio.
     */
    public static UnaryOperator<VideoOptions> referenceAudio(MediaSource clip) {
        Objects.requireNonNull(clip, "clip");
        return options -> options.withExtra(XaiExtras.REFERENCE_AUDIOS, appended(options, XaiExtras.REFERENCE_AUDIOS, clip));
    }

    /** Adds one of xAI's preset voices ({@code "ara"}, {@code "eve"}…) to {@code reference_audios}. */
    public static UnaryOperator<VideoOptions> referenceVoice(String voiceId) {
        Map<String, Object> voice = Map.of("voice_id", Objects.requireNonNull(voiceId, "voiceId"));
        return options -> options.withExtra(XaiExtras.REFERENCE_AUDIOS, appended(options, XaiExtras.REFERENCE_AUDIOS, voice));
    }

    /**
     * {@code storage_options}: xAI also stores the result as a file of its Files API, named
     * {@code filename}, kept until deleted; the result's {@code details} then name the file
     * ({@code file_output.file_id}).
     */
    public static UnaryOperator<VideoOptions> storeAs(String filename) {
        return storage(Objects.requireNonNull(filename, "filename"), null);
    }

    /** {@link #storeAs(String)}, the file expiring after {@code expiresAfter} (at most 30 days). */
    public static UnaryOperator<VideoOptions> storeAs(String filename, Duration expiresAfter) {
        return storage(Objects.requireNonNull(filename, "filename"), Objects.requireNonNull(expiresAfter, "expiresAfter").getSeconds());
    }

    /**
     * The stored file also gets a public URL ({@code storage_options.public_url: true}), which lives
     * as long as the file. Use with {@link #storeAs}.
     */
    public static UnaryOperator<VideoOptions> publicUrl() {
        return options -> options.withExtra(XaiExtras.STORAGE_OPTIONS, withStorage(options, "public_url", Boolean.TRUE));
    }

    /** A public URL for the stored file that expires after {@code expiresAfter} (1 hour to 30 days). */
    public static UnaryOperator<VideoOptions> publicUrl(Duration expiresAfter) {
        Map<String, Object> expiring = Map.of("expires_after", Objects.requireNonNull(expiresAfter, "expiresAfter").getSeconds());
        return options -> options.withExtra(XaiExtras.STORAGE_OPTIONS, withStorage(options, "public_url", expiring));
    }

    /**
     * {@code output.upload_url}: xAI uploads the result with an HTTP PUT to this signed URL (a
     * bucket's pre-signed upload URL). Held as a {@link MediaSource.Url}, so its query, which
     * authorises the upload, is never printed.
     */
    public static UnaryOperator<VideoOptions> uploadTo(URI signedUrl) {
        MediaSource.Url url = new MediaSource.Url(Objects.requireNonNull(signedUrl, "signedUrl"));
        return options -> options.withExtra(XaiExtras.OUTPUT, Map.of("upload_url", url));
    }

    private static UnaryOperator<VideoOptions> storage(String filename, Long expiresAfter) {
        return options -> {
            Map<String, Object> storage = new LinkedHashMap<>(existing(options));
            storage.put("filename", filename);
            if (expiresAfter == null) {
                storage.remove("expires_after");
            } else {
                storage.put("expires_after", expiresAfter);
            }
            return options.withExtra(XaiExtras.STORAGE_OPTIONS, Collections.unmodifiableMap(storage));
        };
    }

    private static Map<String, Object> withStorage(VideoOptions options, String key, Object value) {
        Map<String, Object> storage = new LinkedHashMap<>(existing(options));
        storage.put(key, value);
        return Collections.unmodifiableMap(storage);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> existing(VideoOptions options) {
        Object storage = options.extras().get(XaiExtras.STORAGE_OPTIONS);
        return storage instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<Object> appended(VideoOptions options, String key, Object item) {
        List<Object> items = new ArrayList<>();
        if (options.extras().get(key) instanceof java.util.Collection<?> before) {
            items.addAll(before);
        }
        items.add(item);
        return Collections.unmodifiableList(items);
    }
}
