package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * What the xAI simulator understood of one submit.
 *
 * @param kind            which endpoint received it
 * @param model           the model (the request may have named it by an alias)
 * @param prompt          the prompt as sent (directives included); empty for an image-only generation
 * @param reportedSeconds {@code video.duration} of the result (whole seconds)
 * @param length          the exact length of the result MP4
 * @param billedSeconds   seconds of new video billed (an extension bills its new segment only)
 * @param resolution      the requested resolution; for edits and extensions, the input's ({@code none})
 * @param aspectRatio     the requested ratio; for edits and extensions, the input's ({@code none})
 * @param storage         the request's {@code storage_options} as compact JSON text, if any
 * @param moderation      how a moderation outcome is reported
 * @param answers         the shape of the job's poll answers
 * @param sent            the body as received, as compact JSON text, with every {@code data:} URI cut to
 *                        its header ({@code data:image/png;base64,…}), so tests can see what a client sent
 */
public record XaiJob(XaiJobKind kind, XaiModel model, String prompt, int reportedSeconds, Duration length,
                     int billedSeconds, Option<String> resolution, Option<String> aspectRatio,
                     Option<String> storage, ModerationStyle moderation, XaiAnswerShape answers, String sent) {

    public XaiJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(aspectRatio, "aspectRatio");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(moderation, "moderation");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(sent, "sent");
    }

    /** {@code usage.cost_in_usd_ticks} of the finished job. */
    public long costTicks() {
        return model.cost(billedSeconds, resolution.getOrElse("720p"));
    }

    /** The {@code video.url} an edit or extension was given ({@code data:} URIs cut to their header). */
    public Option<String> inputUrl() {
        return ((JsonObject) JsonReader.parse(sent)).object("video").flatMap(video -> video.string("url"));
    }

    /** One top-level field of {@link #sent()} as compact JSON text, if the body had it. */
    public Option<String> sentField(String name) {
        return ((JsonObject) JsonReader.parse(sent)).get(name).map(value -> value.toJson());
    }

    public XaiJob withModeration(ModerationStyle style) {
        return new XaiJob(kind, model, prompt, reportedSeconds, length, billedSeconds, resolution, aspectRatio, storage, style,
                answers, sent);
    }

    public XaiJob withAnswers(XaiAnswerShape shape) {
        return new XaiJob(kind, model, prompt, reportedSeconds, length, billedSeconds, resolution, aspectRatio, storage,
                moderation, shape, sent);
    }
}
