package io.imagine4j.xai;

import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The xAI fields a request carries in its {@code VideoOptions.extras}, read into values: reference
 * images, keyframes, reference audio, {@code storage_options} and {@code output}, whether they were
 * put there by {@link XaiOptions} (values and {@code MediaSource}s) or written by hand as the JSON
 * xAI takes ({@code Map.of("filename", "fox.mp4")}). Extras xAI's spec does not name pass through
 * as they are.
 *
 * @param referenceImages {@code reference_images}: images the video should feature (reference-to-video)
 * @param keyframes       {@code keyframes}: images pinned at times strictly inside the clip
 * @param referenceAudios {@code reference_audios}: voice references, clips or preset voices
 * @param storage         {@code storage_options}: keep the result in the Files API
 * @param upload          {@code output.upload_url}: where xAI puts the result by HTTP PUT
 * @param others          every other extra, as given
 */
record XaiExtras(List<ImageInput> referenceImages, List<Keyframe> keyframes, List<AudioInput> referenceAudios,
                 Option<Storage> storage, Option<MediaSource.Url> upload, Map<String, Object> others) {

    static final String REFERENCE_IMAGES = "reference_images";
    static final String KEYFRAMES = "keyframes";
    static final String REFERENCE_AUDIOS = "reference_audios";
    static final String STORAGE_OPTIONS = "storage_options";
    static final String OUTPUT = "output";

    /** An image input: content (a URL, a file, bytes) or a file of xAI's Files API. */
    sealed interface ImageInput permits ImageInput.Content, ImageInput.FileId {
        record Content(MediaSource source) implements ImageInput {
        }

        record FileId(String id) implements ImageInput {
        }
    }

    /** An image pinned at {@code seconds} into the clip. */
    record Keyframe(ImageInput image, BigDecimal seconds) {
    }

    /** A voice reference: a clip (a URL, a file, bytes) or one of xAI's preset voices. */
    sealed interface AudioInput permits AudioInput.Clip, AudioInput.Voice {
        record Clip(MediaSource source) implements AudioInput {
        }

        record Voice(String id) implements AudioInput {
        }
    }

    /** {@code storage_options}: a file name, how long the file lives, and whether it gets a public URL. */
    record Storage(String filename, Option<BigDecimal> expiresAfter, Option<PublicUrl> publicUrl) {
    }

    /** {@code storage_options.public_url}: wanted, with its own lifetime where given. */
    record PublicUrl(Option<BigDecimal> expiresAfter) {
    }

    boolean hasReferences() {
        return !referenceImages.isEmpty() || !referenceAudios.isEmpty();
    }

    /** The extras of a request, or every place where they are not what xAI takes. */
    static Validation<Seq<Violation>, XaiExtras> read(Map<String, Object> extras) {
        Map<String, Object> others = new LinkedHashMap<>(extras);
        Option<Object> images = Option.of(others.remove(REFERENCE_IMAGES));
        Option<Object> keyframes = Option.of(others.remove(KEYFRAMES));
        Option<Object> audios = Option.of(others.remove(REFERENCE_AUDIOS));
        Option<Object> storage = Option.of(others.remove(STORAGE_OPTIONS));
        Option<Object> output = Option.of(others.remove(OUTPUT));
        return Validation.combine(
                images.map(value -> list(value, REFERENCE_IMAGES, XaiExtras::image)).getOrElse(Validation.valid(List.empty())),
                keyframes.map(value -> list(value, KEYFRAMES, XaiExtras::keyframe)).getOrElse(Validation.valid(List.empty())),
                audios.map(value -> list(value, REFERENCE_AUDIOS, XaiExtras::audio)).getOrElse(Validation.valid(List.empty())),
                optional(storage.map(XaiExtras::storage)),
                optional(output.map(XaiExtras::upload)))
                .ap((i, k, a, s, o) -> new XaiExtras(i, k, a, s, o, Map.copyOf(others)))
                .mapError(errors -> errors.flatMap(found -> found));
    }

    private static <T> Validation<Seq<Violation>, Option<T>> optional(Option<Validation<Seq<Violation>, T>> value) {
        return value.map(found -> found.map(Option::some)).getOrElse(Validation.valid(Option.none()));
    }

    @FunctionalInterface
    private interface ItemReader<T> {
        Validation<Seq<Violation>, T> read(Object item, String field);
    }

    private static <T> Validation<Seq<Violation>, List<T>> list(Object value, String field, ItemReader<T> reader) {
        if (!(value instanceof Collection<?> items)) {
            return invalid(field, shown(value), "is not a list", "a list");
        }
        List<Validation<Seq<Violation>, T>> read = List.empty();
        int index = 0;
        for (Object item : items) {
            read = read.append(reader.read(item, field + "[" + index++ + "]"));
        }
        return Validation.sequence(read).map(List::ofAll).mapError(errors -> errors);
    }

    private static Validation<Seq<Violation>, ImageInput> image(Object item, String field) {
        if (item instanceof MediaSource source) {
            return Validation.valid(new ImageInput.Content(source));
        }
        if (item instanceof Map<?, ?> map) {
            Option<Object> url = Option.of(map.get("url")).orElse(() -> Option.of(map.get("image_url")));
            Option<Object> fileId = Option.of(map.get("file_id"));
            if (url.isDefined() && fileId.isDefined()) {
                return invalid(field, "url and file_id", "are mutually exclusive", "one of them");
            }
            if (fileId.isDefined()) {
                return text(fileId.get(), field + ".file_id").map(ImageInput.FileId::new);
            }
            if (url.isDefined()) {
                return url(url.get(), field + ".url").map(ImageInput.Content::new);
            }
        }
        return invalid(field, shown(item), "is not an image input", "a MediaSource, {\"url\": …} or {\"file_id\": …}");
    }

    private static Validation<Seq<Violation>, Keyframe> keyframe(Object item, String field) {
        if (!(item instanceof Map<?, ?> map)) {
            return invalid(field, shown(item), "is not a keyframe", "{\"image\": …, \"timestamp_s\": seconds}");
        }
        Validation<Seq<Violation>, ImageInput> image = map.containsKey("image") ? image(map.get("image"), field + ".image")
                : invalid(field + ".image", "(missing)", "is required", "the image to pin", Violation.Reason.MISSING);
        Validation<Seq<Violation>, BigDecimal> seconds = map.containsKey("timestamp_s") ? number(map.get("timestamp_s"), field + ".timestamp_s")
                : invalid(field + ".timestamp_s", "(missing)", "is required", "seconds into the clip", Violation.Reason.MISSING);
        return Validation.combine(image, seconds).ap(Keyframe::new).mapError(XaiExtras::flat);
    }

    private static Validation<Seq<Violation>, AudioInput> audio(Object item, String field) {
        if (item instanceof MediaSource source) {
            return Validation.valid(new AudioInput.Clip(source));
        }
        if (item instanceof Map<?, ?> map) {
            Option<Object> url = Option.of(map.get("url"));
            Option<Object> voice = Option.of(map.get("voice_id"));
            if (url.isDefined() && voice.isDefined()) {
                return invalid(field, "url and voice_id", "are mutually exclusive", "one of them");
            }
            if (voice.isDefined()) {
                return text(voice.get(), field + ".voice_id").map(AudioInput.Voice::new);
            }
            if (url.isDefined()) {
                return url(url.get(), field + ".url").map(AudioInput.Clip::new);
            }
        }
        return invalid(field, shown(item), "is not an audio reference", "a MediaSource, {\"url\": …} or {\"voice_id\": …}");
    }

    private static Validation<Seq<Violation>, Storage> storage(Object value) {
        String field = STORAGE_OPTIONS;
        if (!(value instanceof Map<?, ?> map)) {
            return invalid(field, shown(value), "is not an object", "{\"filename\": …}");
        }
        Validation<Seq<Violation>, String> filename = map.containsKey("filename") ? text(map.get("filename"), field + ".filename")
                : invalid(field + ".filename", "(missing)", "is required", "the stored file's name", Violation.Reason.MISSING);
        Validation<Seq<Violation>, Option<BigDecimal>> expires = optional(Option.of(map.get("expires_after"))
                .map(seconds -> number(seconds, field + ".expires_after")));
        Validation<Seq<Violation>, Option<PublicUrl>> publicUrl = publicUrl(map.get("public_url"), field + ".public_url");
        return Validation.combine(filename, expires, publicUrl).ap(Storage::new).mapError(XaiExtras::flat);
    }

    private static Validation<Seq<Violation>, Option<PublicUrl>> publicUrl(Object value, String field) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return Validation.valid(Option.none());
        }
        if (Boolean.TRUE.equals(value)) {
            return Validation.valid(Option.some(new PublicUrl(Option.none())));
        }
        if (value instanceof Map<?, ?> map) {
            return optional(Option.of(map.get("expires_after")).map(seconds -> number(seconds, field + ".expires_after")))
                    .map(expiry -> Option.some(new PublicUrl(expiry)));
        }
        return invalid(field, shown(value), "is neither a flag nor an object", "true, or {\"expires_after\": seconds}");
    }

    private static Validation<Seq<Violation>, MediaSource.Url> upload(Object value) {
        String field = OUTPUT + ".upload_url";
        if (!(value instanceof Map<?, ?> map)) {
            return invalid(OUTPUT, shown(value), "is not an object", "{\"upload_url\": …}");
        }
        Object url = map.get("upload_url");
        if (url == null) {
            return invalid(field, "(missing)", "is required", "a signed URL that takes an HTTP PUT", Violation.Reason.MISSING);
        }
        return url(url, field).flatMap(source -> source instanceof MediaSource.Url remote && !remote.isDataUri()
                ? Validation.valid(remote)
                : invalid(field, source.describe(), "is not an http(s) URL", "a signed URL that takes an HTTP PUT"));
    }

    /** A URL given as text or as a {@code MediaSource}. */
    private static Validation<Seq<Violation>, MediaSource> url(Object value, String field) {
        if (value instanceof MediaSource source) {
            return Validation.valid(source);
        }
        if (value instanceof String text) {
            try {
                return Validation.valid(MediaSource.url(text.trim()));
            } catch (IllegalArgumentException notAUrl) {
                return invalid(field, shownUrl(text), "is not an http(s) or data: URL", "a public URL or a data: URI");
            }
        }
        return invalid(field, shown(value), "is not a URL", "a public URL or a data: URI");
    }

    private static Validation<Seq<Violation>, String> text(Object value, String field) {
        return value instanceof String text && !text.isBlank() ? Validation.valid(text)
                : invalid(field, shown(value), "is not a non-empty text", "a non-empty text");
    }

    private static Validation<Seq<Violation>, BigDecimal> number(Object value, String field) {
        if (value instanceof BigDecimal decimal) {
            return Validation.valid(decimal);
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return Validation.valid(new BigDecimal(number.toString()));
        }
        return invalid(field, shown(value), "is not a number", "a number");
    }

    private static Seq<Violation> flat(Seq<Seq<Violation>> nested) {
        return nested.flatMap(found -> found);
    }

    private static <T> Validation<Seq<Violation>, T> invalid(String field, String value, String problem, String allowed) {
        return invalid(field, value, problem, allowed, Violation.Reason.NOT_ALLOWED);
    }

    private static <T> Validation<Seq<Violation>, T> invalid(String field, String value, String problem, String allowed,
            Violation.Reason reason) {
        return Validation.invalid(List.of(new Violation(field, value, problem, allowed, reason)));
    }

    /** A value for a message: a type and a short text, never a whole data URI or a signed URL's query. */
    private static String shown(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return shownUrl(text);
        }
        String text = Objects.toString(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String shownUrl(String text) {
        int cut = text.regionMatches(true, 0, "data:", 0, 5) ? text.indexOf(',') : text.indexOf('?');
        String safe = cut < 0 ? text : text.substring(0, cut + 1) + "…";
        return "'" + (safe.length() > 60 ? safe.substring(0, 60) + "…" : safe) + "'";
    }
}
