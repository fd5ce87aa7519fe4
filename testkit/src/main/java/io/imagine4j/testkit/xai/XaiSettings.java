package io.imagine4j.testkit.xai;

import java.util.Objects;

/**
 * How an {@link XaiSimulator} behaves beyond a single job's directives.
 *
 * <pre>{@code
 * XaiSettings gateway = XaiSettings.defaults().withAnswers(XaiAnswerShape.GATEWAY).withoutModelsEndpoint();
 * XaiSimulator xai = XaiSimulator.start(SimulatorOptions.forTests(), gateway);
 * }</pre>
 *
 * @param moderation     how moderated jobs are reported unless a directive says otherwise
 * @param answers        the shape of poll answers unless a directive says otherwise
 * @param modelsEndpoint whether {@code GET /video-generation-models} and {@code /{id}} exist; a
 *                       gateway without them answers 404, as for any path it does not know
 */
public record XaiSettings(ModerationStyle moderation, XaiAnswerShape answers, boolean modelsEndpoint) {

    public XaiSettings {
        Objects.requireNonNull(moderation, "moderation");
        Objects.requireNonNull(answers, "answers");
    }

    /** xAI itself: moderation as HTTP 400 on the poll, native answers, the models endpoints. */
    public static XaiSettings defaults() {
        return new XaiSettings(ModerationStyle.HTTP_400, XaiAnswerShape.NATIVE, true);
    }

    public XaiSettings withModeration(ModerationStyle style) {
        return new XaiSettings(style, answers, modelsEndpoint);
    }

    public XaiSettings withAnswers(XaiAnswerShape shape) {
        return new XaiSettings(moderation, shape, modelsEndpoint);
    }

    /** Without the models endpoints, like a gateway that forwards only the video calls. */
    public XaiSettings withoutModelsEndpoint() {
        return new XaiSettings(moderation, answers, false);
    }
}
