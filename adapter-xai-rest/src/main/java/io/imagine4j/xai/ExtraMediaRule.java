package io.imagine4j.xai;

import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.RequestRule;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;

/**
 * What each image and clip given in the extras may be, checked as the request's own input is:
 * reference and keyframe images are PNG, JPEG or WebP; reference audio clips are WAV, MP3, Ogg or
 * FLAC, at most 15 s (measured for WAV); each is a public URL, a {@code data:} URI, a readable
 * local file or bytes, and local content fits the inline limit. A previous result is a video, so
 * it is no image or clip.
 */
final class ExtraMediaRule implements RequestRule {

    static final Duration MAX_AUDIO_LENGTH = Duration.ofSeconds(15);
    private static final Set<MediaType> IMAGES = Set.of(MediaType.PNG, MediaType.JPEG, MediaType.WEBP);

    private final long maxImageBytes;
    private final long maxAudioBytes;

    ExtraMediaRule(long maxImageBytes, long maxAudioBytes) {
        this.maxImageBytes = maxImageBytes;
        this.maxAudioBytes = maxAudioBytes;
    }

    @Override
    public Seq<Violation> check(VideoRequest request, RequestLimits limits) {
        return XaiExtras.read(request.options().extras()).fold(shape -> List.empty(), this::check);
    }

    private Seq<Violation> check(XaiExtras extras) {
        List<Violation> found = List.empty();
        int index = 0;
        for (XaiExtras.ImageInput image : extras.referenceImages()) {
            found = found.appendAll(image(image, XaiExtras.REFERENCE_IMAGES + "[" + index++ + "]"));
        }
        index = 0;
        for (XaiExtras.Keyframe keyframe : extras.keyframes()) {
            found = found.appendAll(image(keyframe.image(), XaiExtras.KEYFRAMES + "[" + index++ + "].image"));
        }
        index = 0;
        for (XaiExtras.AudioInput audio : extras.referenceAudios()) {
            String field = XaiExtras.REFERENCE_AUDIOS + "[" + index++ + "]";
            if (audio instanceof XaiExtras.AudioInput.Clip clip) {
                found = found.appendAll(clip(clip.source(), field));
            }
        }
        return found;
    }

    private Seq<Violation> image(XaiExtras.ImageInput image, String field) {
        if (!(image instanceof XaiExtras.ImageInput.Content content)) {
            return List.empty(); // a Files API file is xAI's to check
        }
        MediaSource source = content.source();
        Option<Violation> refused = refused(source, field, "an image");
        if (refused.isDefined()) {
            return List.of(refused.get());
        }
        if (isRemote(source)) {
            return List.empty(); // xAI fetches it, and says what it is
        }
        Try<Option<MediaType>> sniffed = source.mediaType();
        if (sniffed.isFailure()) {
            return List.of(unreadable(source, field, sniffed.getCause()));
        }
        Option<MediaType> type = sniffed.get();
        List<Violation> found = List.ofAll(size(source, field, maxImageBytes));
        if (!type.exists(IMAGES::contains)) {
            found = found.prepend(new Violation(field, source.describe(), type.map(t -> "is " + t.mime() + ", not an image xAI takes")
                    .getOrElse("is not an image imagine4j recognises"), "image/png, image/jpeg or image/webp", Violation.Reason.NOT_ALLOWED));
        }
        return found;
    }

    private Seq<Violation> clip(MediaSource source, String field) {
        Option<Violation> refused = refused(source, field, "an audio clip");
        if (refused.isDefined()) {
            return List.of(refused.get());
        }
        if (isRemote(source)) {
            return List.empty(); // xAI fetches it and measures it
        }
        Option<Violation> tooLarge = size(source, field, maxAudioBytes);
        if (tooLarge.isDefined()) {
            return List.of(tooLarge.get());
        }
        Try<Option<byte[]>> content = InlineMedia.bytesOf(source);
        if (content.isFailure()) {
            return List.of(unreadable(source, field, content.getCause()));
        }
        byte[] bytes = content.get().getOrElse(new byte[0]);
        Option<AudioType> type = source instanceof MediaSource.Url url ? header(url).flatMap(AudioType::ofMime) : AudioType.sniff(bytes);
        if (type.isEmpty()) {
            return List.of(new Violation(field, source.describe(), "is not an audio format xAI takes inline",
                    "WAV, MP3, Ogg or FLAC", Violation.Reason.NOT_ALLOWED));
        }
        return List.ofAll(AudioType.wavLength(bytes)
                .filter(length -> length.compareTo(MAX_AUDIO_LENGTH) > 0)
                .map(length -> new Violation(field, source.describe(), "is " + length.toMillis() / 1000.0 + " s long",
                        "at most " + MAX_AUDIO_LENGTH.getSeconds() + " s", Violation.Reason.NOT_ALLOWED)));
    }

    private static boolean isRemote(MediaSource source) {
        return source instanceof MediaSource.Url url && !url.isDataUri();
    }

    /** Why a source cannot be an image or clip at all: a previous result (a video), a file that cannot be read. */
    private static Option<Violation> refused(MediaSource source, String field, String what) {
        if (source instanceof MediaSource.PreviousResult) {
            return Option.some(new Violation(field, source.describe(), "is a video, not " + what,
                    "a public URL, a data: URI, a local file or bytes", Violation.Reason.NOT_ALLOWED));
        }
        if (source instanceof MediaSource.LocalFile file && !Files.isReadable(file.path())) {
            return Option.some(new Violation(field, source.describe(), Files.exists(file.path()) ? "cannot be read" : "does not exist",
                    "a readable local file or a public URL", Violation.Reason.UNREADABLE));
        }
        return Option.none();
    }

    private static Option<Violation> size(MediaSource source, String field, long max) {
        Option<Long> size = source.size().getOrElse(Option.none());
        return size.filter(bytes -> bytes > max).map(bytes -> new Violation(field, source.describe(),
                "is " + bytes + " bytes, too large to send inline", "at most " + max + " bytes, or a public URL to it",
                Violation.Reason.NOT_ALLOWED));
    }

    private static Option<String> header(MediaSource.Url url) {
        String ssp = url.uri().getSchemeSpecificPart();
        int comma = ssp.indexOf(',');
        return Option.some(comma < 0 ? ssp : ssp.substring(0, comma));
    }

    private static Violation unreadable(MediaSource source, String field, Throwable cause) {
        return new Violation(field, source.describe(), "cannot be read (" + cause.getMessage() + ")",
                "a readable local file or a public URL", Violation.Reason.UNREADABLE);
    }
}
