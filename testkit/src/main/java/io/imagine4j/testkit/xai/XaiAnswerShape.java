package io.imagine4j.testkit.xai;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shapes in which a poll's answer reaches a client of xAI's video API, which a tolerant client
 * must read alike (PROTOCOLS.md §1). Chosen per job by directive ({@code #sim:answer=flat}) or for
 * every job with {@link XaiSettings#withAnswers}.
 *
 * <pre>{@code
 * client.generate("{\"prompt\":\"A fox #sim:answer=openai\"}");     // done as status completed, data[0].url
 * XaiSimulator.start(SimulatorOptions.forTests(), XaiSettings.defaults().withAnswers(XaiAnswerShape.GATEWAY));
 * }</pre>
 */
public enum XaiAnswerShape {

    /**
     * xAI's REST API as its OpenAPI document says: pending is HTTP 202 {@code {"status":"pending","progress":N}},
     * done is {@code {"status":"done","video":{"url","duration","respect_moderation"},"model","usage","progress":100}}.
     */
    NATIVE("native"),

    /**
     * The finished answer as xAI's guide documents it: {@code {"url": …, "duration": N}}, flat, with no
     * {@code status}, no {@code model} and no {@code usage}. Pending answers are native.
     */
    GUIDE("flat"),

    /**
     * A gateway in front of xAI: {@code queued}, then {@code processing} with progress, then
     * {@code completed} with the native {@code video} object and usage; every answer HTTP 200.
     */
    GATEWAY("gateway"),

    /**
     * The OpenAI-SDK route to {@code api.x.ai}: an OpenAI-style object ({@code id}, {@code object:"video"})
     * whose status runs {@code queued}, {@code in_progress}, {@code completed}, with the result at
     * {@code data[0].url} (and {@code data[0].duration}); no usage.
     */
    OPENAI_SDK("openai"),

    /**
     * A broken answer no spec allows: {@code status:"done"} with usage but no {@code video} at all.
     * A client must read it as a protocol failure, never as a moderation verdict.
     */
    DONE_WITHOUT_VIDEO("bare");

    private final String token;

    XaiAnswerShape(String token) {
        this.token = token;
    }

    /** The directive choosing this shape for one job: {@code answer=flat}, {@code answer=openai}… */
    public String directive() {
        return "answer=" + token;
    }

    static Set<String> directives() {
        return Arrays.stream(values()).map(XaiAnswerShape::directive).collect(Collectors.toUnmodifiableSet());
    }
}
