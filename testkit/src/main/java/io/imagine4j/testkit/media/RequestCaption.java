package io.imagine4j.testkit.media;

import java.time.Duration;
import java.util.List;

/**
 * The caption of a simulated result: the prompt as the user meant it (the simulator's
 * {@code #sim:} directives left out), then the model and the video's length.
 *
 * <pre>{@code
 * RequestCaption.lines("A red fox #sim:time=2s", "grok-imagine-video", Duration.ofSeconds(8));
 * // ["A red fox", "grok-imagine-video · 8 s"]
 * }</pre>
 */
public final class RequestCaption {

    private RequestCaption() {
    }

    public static List<String> lines(String prompt, String model, Duration length) {
        String text = prompt.replaceAll("#sim:\\S+", "").replaceAll("\\s+", " ").trim();
        String seconds = java.math.BigDecimal.valueOf(length.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
        return List.of(text.isEmpty() ? "(no prompt)" : text, model + " · " + seconds + " s");
    }
}
