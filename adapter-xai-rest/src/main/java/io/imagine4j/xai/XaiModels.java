package io.imagine4j.xai;

import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.http.json.EpochTime;
import io.imagine4j.xai.wire.VideoModel;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns xAI's model descriptions into {@link ModelInfo}s for the core's capability merge. The kinds
 * a model runs follow its declared inputs: {@code text} for text-to-video, {@code image} for
 * image-to-video, {@code video} for edits and extensions. A model the built-in table knows keeps
 * the table's kinds (xAI's own example lists {@code grok-imagine-video}, which edits, with text and
 * image inputs only); a model only xAI knows runs the kinds its inputs declare, under its family's
 * limits ({@code grok-imagine-video-1.5-preview} under {@code grok-imagine-video-1.5}).
 */
final class XaiModels {

    private XaiModels() {
    }

    static ModelInfo info(VideoModel model) {
        List<String> inputs = present(model.inputModalities());
        ModelInfo info = ModelInfo.named(model.id())
                .withAliases(present(model.aliases()))
                .withKinds(kinds(inputs));
        info = detail(info, "version", model.version());
        info = detail(info, "owned_by", model.ownedBy());
        info = detail(info, "created", Option.of(model.created()).flatMap(EpochTime::seconds).map(Instant::toString).getOrNull());
        info = detail(info, "input_modalities", String.join(", ", inputs));
        return detail(info, "output_modalities", model.outputModalities() == null ? null
                : String.join(", ", present(model.outputModalities())));
    }

    /** The list's strings, nulls (a broken answer's) left out. */
    private static List<String> present(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    static Set<RequestKind> kinds(List<String> inputs) {
        Set<RequestKind> kinds = EnumSet.noneOf(RequestKind.class);
        for (String input : inputs) {
            switch (input.toLowerCase(Locale.ROOT)) {
                case "text" -> kinds.add(RequestKind.TEXT_TO_VIDEO);
                case "image" -> kinds.add(RequestKind.IMAGE_TO_VIDEO);
                case "video" -> {
                    kinds.add(RequestKind.EDIT);
                    kinds.add(RequestKind.EXTEND);
                }
                default -> {
                    // audio (reference audio) and modalities yet to come add no request kind of their own
                }
            }
        }
        return kinds;
    }

    private static ModelInfo detail(ModelInfo info, String name, String value) {
        return value == null || value.isBlank() ? info : info.withDetail(name, value);
    }
}
