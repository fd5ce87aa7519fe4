package io.imagine4j.openai;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.RequestRule;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link OpenAiOptions} extras used as the API allows: an exact {@code size} must be one the
 * model offers (its aspect ratios at its resolutions) and agree with an aspect ratio or resolution
 * also given; {@code input_reference.file_id} belongs to a text-to-video request, whose only image
 * it is.
 */
final class OpenAiExtrasRule implements RequestRule {

    @Override
    public Seq<Violation> check(VideoRequest request, RequestLimits limits) {
        return size(request, limits).appendAll(fileId(request));
    }

    private static Seq<Violation> size(VideoRequest request, RequestLimits limits) {
        VideoOptions options = request.options();
        Object value = options.extras().get(OpenAiOptions.SIZE);
        if (value == null) {
            return List.empty();
        }
        String shown = String.valueOf(value);
        Option<FrameSize> size = value instanceof String text ? FrameSize.parse(text) : Option.none();
        if (size.isEmpty()) {
            return List.of(new Violation("size", shown, "is not a frame size", "WIDTHxHEIGHT, such as 1280x720",
                    Violation.Reason.NOT_ALLOWED));
        }
        String where = "for " + request.kind().label() + " on " + options.model().getOrElse("this model");
        Set<String> offered = offered(limits);
        if (request.kind() != RequestKind.TEXT_TO_VIDEO && request.kind() != RequestKind.IMAGE_TO_VIDEO) {
            return List.of(new Violation("size", shown, "cannot be chosen " + where + "; the result keeps its input's size", "",
                    Violation.Reason.UNSUPPORTED));
        }
        if (!offered.isEmpty() && !offered.contains(size.get().toString())) {
            return List.of(new Violation("size", shown, "is not offered " + where, String.join(", ", offered),
                    Violation.Reason.NOT_ALLOWED));
        }
        if (options.aspectRatio().isDefined() || options.resolution().isDefined()) {
            Option<FrameSize> implied = FrameSize.of(options.aspectRatio().getOrElse(AspectRatio.PORTRAIT_9_16),
                    options.resolution().getOrElse(Resolution.P720));
            if (!implied.contains(size.get())) {
                return List.of(new Violation("size", shown, "contradicts the aspect ratio and resolution also given ("
                        + implied.map(FrameSize::toString).getOrElse("auto") + ")", "the size alone, or an aspect ratio and "
                        + "resolution that make it", Violation.Reason.NOT_ALLOWED));
            }
        }
        return List.empty();
    }

    private static Seq<Violation> fileId(VideoRequest request) {
        Object value = request.options().extras().get(OpenAiOptions.INPUT_FILE_ID);
        if (value == null) {
            return List.empty();
        }
        if (!(value instanceof String)) {
            return List.of(new Violation("input_reference.file_id", String.valueOf(value), "is not a file id", "a string such as file-abc123",
                    Violation.Reason.NOT_ALLOWED));
        }
        if (request.kind() != RequestKind.TEXT_TO_VIDEO) {
            return List.of(new Violation("input_reference.file_id", String.valueOf(value), "cannot be given for "
                    + request.kind().label() + (request.kind() == RequestKind.IMAGE_TO_VIDEO ? ", which has its image already" : ""),
                    "a text-to-video request", Violation.Reason.UNSUPPORTED));
        }
        return List.empty();
    }

    /** Every size the limits allow: each aspect ratio at each resolution. */
    static Set<String> offered(RequestLimits limits) {
        Set<String> sizes = new LinkedHashSet<>();
        for (AspectRatio ratio : limits.aspectRatios()) {
            for (Resolution resolution : limits.resolutions()) {
                FrameSize.of(ratio, resolution).forEach(size -> sizes.add(size.toString()));
            }
        }
        return sizes.stream().collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
