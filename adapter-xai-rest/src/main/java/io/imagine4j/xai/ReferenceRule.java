package io.imagine4j.xai;

import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.RequestRule;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The modes a generation runs in, and their limits:
 * <ul>
 *   <li>reference-to-video, selected by any reference image or audio: at most 7 images and 3 audio
 *       references; not with a first-frame image (image-to-video), "only one mode can be active per
 *       request"; at most 10 s; at most 720p (xAI's reference-to-video guide; the 720p cap as the
 *       Vercel AI SDK's xAI provider documents it);</li>
 *   <li>keyframes: at most 4, each strictly inside the clip ({@code 0 < timestamp_s < duration},
 *       the default duration when none is asked for); they pin frames as the first-frame image
 *       does, so they are refused with references too.</li>
 * </ul>
 * Only counted here; what each image or clip is, is {@link ExtraMediaRule}'s.
 */
final class ReferenceRule implements RequestRule {

    static final int MAX_REFERENCE_IMAGES = 7;
    static final int MAX_REFERENCE_AUDIOS = 3;
    static final int MAX_KEYFRAMES = 4;
    static final int MAX_REFERENCE_SECONDS = 10;

    @Override
    public Seq<Violation> check(VideoRequest request, RequestLimits limits) {
        boolean generation = request.kind() == RequestKind.TEXT_TO_VIDEO || request.kind() == RequestKind.IMAGE_TO_VIDEO;
        if (!generation) {
            return List.empty(); // ExtrasRule refuses these fields on edits and extensions
        }
        return XaiExtras.read(request.options().extras()).fold(shape -> List.empty(), extras -> check(extras, request, limits));
    }

    private static Seq<Violation> check(XaiExtras extras, VideoRequest request, RequestLimits limits) {
        List<Violation> found = List.empty();
        int images = extras.referenceImages().size();
        int audios = extras.referenceAudios().size();
        if (images > MAX_REFERENCE_IMAGES) {
            found = found.append(new Violation(XaiExtras.REFERENCE_IMAGES, images + " images", "are more than xAI takes",
                    "at most " + MAX_REFERENCE_IMAGES, Violation.Reason.NOT_ALLOWED));
        }
        if (audios > MAX_REFERENCE_AUDIOS) {
            found = found.append(new Violation(XaiExtras.REFERENCE_AUDIOS, audios + " references", "are more than xAI takes",
                    "at most " + MAX_REFERENCE_AUDIOS, Violation.Reason.NOT_ALLOWED));
        }
        if (extras.hasReferences()) {
            found = found.appendAll(referenceToVideo(extras, request));
        }
        int keyframes = extras.keyframes().size();
        if (keyframes > MAX_KEYFRAMES) {
            found = found.append(new Violation(XaiExtras.KEYFRAMES, keyframes + " keyframes", "are more than xAI takes",
                    "at most " + MAX_KEYFRAMES, Violation.Reason.NOT_ALLOWED));
        }
        Duration length = request.options().duration()
                .orElse(() -> limits.defaultDuration().map(Duration::ofSeconds)).getOrElse(Duration.ofSeconds(8));
        BigDecimal end = BigDecimal.valueOf(length.toMillis()).movePointLeft(3);
        int index = 0;
        for (XaiExtras.Keyframe keyframe : extras.keyframes()) {
            if (keyframe.seconds().signum() <= 0 || keyframe.seconds().compareTo(end) >= 0) {
                found = found.append(new Violation(XaiExtras.KEYFRAMES + "[" + index + "].timestamp_s",
                        keyframe.seconds().stripTrailingZeros().toPlainString() + " s", "is not strictly inside the clip",
                        "more than 0 s and less than " + end.stripTrailingZeros().toPlainString() + " s", Violation.Reason.NOT_ALLOWED));
            }
            index++;
        }
        return found;
    }

    private static List<Violation> referenceToVideo(XaiExtras extras, VideoRequest request) {
        String field = extras.referenceImages().isEmpty() ? XaiExtras.REFERENCE_AUDIOS : XaiExtras.REFERENCE_IMAGES;
        String mode = "with references (reference-to-video)";
        List<Violation> found = List.empty();
        if (request.kind() == RequestKind.IMAGE_TO_VIDEO) {
            found = found.append(new Violation(field, "references and a first-frame image", "cannot be combined: only one mode"
                    + " can be active per request", "text-to-video with references, or image-to-video without",
                    Violation.Reason.NOT_ALLOWED));
        }
        if (!extras.keyframes().isEmpty()) {
            found = found.append(new Violation(XaiExtras.KEYFRAMES, extras.keyframes().size() + " keyframes",
                    "cannot be combined with references: keyframes pin frames, reference-to-video does not",
                    "keyframes or references", Violation.Reason.NOT_ALLOWED));
        }
        for (Duration asked : request.options().duration()) {
            if (asked.compareTo(Duration.ofSeconds(MAX_REFERENCE_SECONDS)) > 0) {
                found = found.append(new Violation("duration", asked.getSeconds() + " s", "is too long " + mode,
                        "at most " + MAX_REFERENCE_SECONDS + " s", Violation.Reason.NOT_ALLOWED));
            }
        }
        for (Resolution asked : request.options().resolution()) {
            if (Resolution.P1080.equals(asked)) {
                found = found.append(new Violation("resolution", asked.toString(), "is not offered " + mode,
                        "480p or 720p", Violation.Reason.NOT_ALLOWED));
            }
        }
        return found;
    }
}
