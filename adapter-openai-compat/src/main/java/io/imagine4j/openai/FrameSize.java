package io.imagine4j.openai;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoOptions;
import io.vavr.control.Option;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A frame size in pixels, written as OpenAI's {@code size} is: {@code 1280x720} (width × height).
 * Derived from the core's aspect ratio and resolution, the resolution naming the short side:
 * {@code 16:9} at {@code 720p} is {@code 1280x720}, {@code 9:16} is {@code 720x1280}; Sora's large
 * sizes are {@code 1024p}: {@code 1792x1024} and {@code 1024x1792} (7:4, which the API calls its
 * 16:9 and 9:16).
 */
record FrameSize(int width, int height) {

    /** What OpenAI produces when a request names no size. */
    static final FrameSize DEFAULT = new FrameSize(720, 1280);
    static final Resolution P1024 = Resolution.parse("1024p");

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})\\s*");

    FrameSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("A frame size is positive, got " + width + "x" + height);
        }
    }

    /** {@code 1280x720}; none for anything else. */
    static Option<FrameSize> parse(String text) {
        if (text == null) {
            return Option.none();
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Option.none();
        }
        int width = Integer.parseInt(matcher.group(1));
        int height = Integer.parseInt(matcher.group(2));
        return width < 1 || height < 1 ? Option.none() : Option.some(new FrameSize(width, height));
    }

    /** The size of {@code ratio} with {@code resolution} lines on its short side; none for {@code auto}. */
    static Option<FrameSize> of(AspectRatio ratio, Resolution resolution) {
        int shortSide = resolution.lines();
        if (shortSide == 0) {
            return Option.none();
        }
        int small = Math.min(ratio.width(), ratio.height());
        int large = Math.max(ratio.width(), ratio.height());
        int longSide;
        if (shortSide == 1024 && small == 9 && large == 16) {
            longSide = 1792; // Sora's own large sizes, 7:4 rather than 16:9
        } else {
            long exact = Math.round((double) shortSide * large / small);
            longSide = (int) (exact % 2 == 0 ? exact : exact + 1); // encoders want even sides
        }
        return Option.some(ratio.isPortrait() ? new FrameSize(shortSide, longSide) : new FrameSize(longSide, shortSide));
    }

    /**
     * The size a request asks for: the exact {@code size} option when given, else its aspect ratio
     * and resolution (9:16 and 720p where unset); none when it asks for neither, and the server's
     * default applies.
     */
    static Option<FrameSize> requested(VideoOptions options) {
        Option<Object> exact = Option.of(options.extras().get(OpenAiOptions.SIZE));
        if (exact.isDefined()) {
            return parse(String.valueOf(exact.get()));
        }
        if (options.aspectRatio().isEmpty() && options.resolution().isEmpty()) {
            return Option.none();
        }
        return of(options.aspectRatio().getOrElse(AspectRatio.PORTRAIT_9_16), options.resolution().getOrElse(Resolution.P720));
    }

    /** {@link #requested} or, when the request leaves it to the server, OpenAI's default {@code 720x1280}. */
    static FrameSize effective(VideoOptions options) {
        return requested(options).getOrElse(DEFAULT);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
