package io.imagine4j.xai;

import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.RequestRule;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which xAI fields a request may carry as extras, and in what shape: references and keyframes
 * belong to generations ({@code POST /videos/generations}) only; {@code storage_options} and
 * {@code output} to every endpoint; no extra may stand in for a field imagine4j sets from the
 * request itself. {@code storage_options.expires_after} is 1 s to 30 days, a public URL's own
 * lifetime 1 hour to 30 days (xAI's OpenAPI document).
 */
final class ExtrasRule implements RequestRule {

    static final long MAX_FILE_LIFETIME = 2_592_000L;
    static final long MIN_PUBLIC_URL_LIFETIME = 3_600L;

    /** Fields imagine4j writes from the request; xAI also reads {@code seconds} and {@code input_reference} as aliases of two of them. */
    private static final Set<String> OWN_FIELDS = Set.of("model", "prompt", "duration", "seconds", "aspect_ratio", "resolution",
            "image", "input_reference", "video", "user");

    @Override
    public Seq<Violation> check(VideoRequest request, RequestLimits limits) {
        Map<String, Object> extras = request.options().extras();
        Set<String> shadowing = new TreeSet<>(extras.keySet());
        shadowing.retainAll(OWN_FIELDS);
        List<Violation> found = List.ofAll(shadowing).map(field -> new Violation(field, "an extra",
                "would overwrite a field imagine4j sets from the request", "the matching VideoOptions setting",
                Violation.Reason.NOT_ALLOWED));
        return found.appendAll(XaiExtras.read(extras).fold(invalid -> invalid, valid -> placed(valid, request.kind())));
    }

    private static Seq<Violation> placed(XaiExtras extras, RequestKind kind) {
        List<Violation> found = List.empty();
        boolean generation = kind == RequestKind.TEXT_TO_VIDEO || kind == RequestKind.IMAGE_TO_VIDEO;
        if (!generation) {
            found = found.appendAll(onGenerationsOnly(XaiExtras.REFERENCE_IMAGES, extras.referenceImages().size(), kind))
                    .appendAll(onGenerationsOnly(XaiExtras.KEYFRAMES, extras.keyframes().size(), kind))
                    .appendAll(onGenerationsOnly(XaiExtras.REFERENCE_AUDIOS, extras.referenceAudios().size(), kind));
        }
        for (XaiExtras.Storage storage : extras.storage()) {
            found = found.appendAll(storage.expiresAfter().flatMap(seconds -> lifetime(XaiExtras.STORAGE_OPTIONS + ".expires_after",
                    seconds, 1, "1 s to 30 days (2592000 s)")))
                    .appendAll(storage.publicUrl().flatMap(url -> url.expiresAfter()).flatMap(seconds -> lifetime(
                            XaiExtras.STORAGE_OPTIONS + ".public_url.expires_after", seconds, MIN_PUBLIC_URL_LIFETIME,
                            "1 hour to 30 days (3600–2592000 s)")));
        }
        return found;
    }

    private static List<Violation> onGenerationsOnly(String field, int count, RequestKind kind) {
        return count == 0 ? List.empty() : List.of(new Violation(field, count + (count == 1 ? " item" : " items"),
                "cannot be sent with " + kind.label() + ": xAI takes it on generations only",
                "text-to-video or image-to-video", Violation.Reason.UNSUPPORTED));
    }

    private static io.vavr.control.Option<Violation> lifetime(String field, BigDecimal seconds, long min, String allowed) {
        boolean whole = seconds.stripTrailingZeros().scale() <= 0;
        boolean inRange = seconds.compareTo(BigDecimal.valueOf(min)) >= 0 && seconds.compareTo(BigDecimal.valueOf(MAX_FILE_LIFETIME)) <= 0;
        return whole && inRange ? io.vavr.control.Option.none() : io.vavr.control.Option.some(new Violation(field,
                seconds.toPlainString() + " s", "is not a lifetime xAI accepts", allowed, Violation.Reason.NOT_ALLOWED));
    }
}
