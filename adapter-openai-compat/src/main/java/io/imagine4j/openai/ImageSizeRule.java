package io.imagine4j.openai;

import io.imagine4j.core.model.ImageToVideo;
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

/**
 * OpenAI refuses an input image whose pixel size is not the video's ({@code input_reference} must
 * match {@code size}), after the upload: this rule measures local images from their headers before
 * anything is sent and names both sizes. With fitting on, a different size is fine (the adapter
 * scales and pads the image at submit), except for WebP, which the JDK cannot decode. Remote URLs
 * are read by the server only, so they are not measured.
 */
final class ImageSizeRule implements RequestRule {

    private final boolean fit;

    ImageSizeRule(boolean fit) {
        this.fit = fit;
    }

    @Override
    public Seq<Violation> check(VideoRequest request, RequestLimits limits) {
        if (!(request instanceof ImageToVideo imageToVideo) || !measurable(imageToVideo.image())
                || request.options().extras().containsKey(OpenAiOptions.SIZE)
                && FrameSize.requested(request.options()).isEmpty()) {
            return List.empty(); // unreadable inputs and malformed sizes are reported by the core and by OpenAiExtrasRule
        }
        MediaSource image = imageToVideo.image();
        FrameSize target = FrameSize.effective(request.options());
        Try<Option<FrameSize>> measured = ImagePixels.of(image);
        if (measured.isFailure()) {
            return List.of(new Violation("image", image.describe(), "has no pixel size imagine4j can read ("
                    + measured.getCause().getMessage() + ")", "a PNG, JPEG or WebP image of " + target + " pixels",
                    Violation.Reason.UNREADABLE));
        }
        if (measured.get().isEmpty() || measured.get().get().equals(target)) {
            return List.empty();
        }
        FrameSize actual = measured.get().get();
        boolean webp = image.mediaType().getOrElse(Option.none()).contains(MediaType.WEBP);
        if (fit && !webp) {
            return List.empty();
        }
        String problem = fit
                ? "is a " + actual + " WebP, but the video is " + target + ", and a WebP cannot be fitted (the JDK has no WebP decoder)"
                : "is " + actual + " pixels, but the video is " + target + ", and OpenAI refuses an input image of another size";
        String allowed = fit ? "a WebP of exactly " + target + " pixels, or a PNG or JPEG of any size"
                : "an image of exactly " + target + " pixels, or OpenAiVideos.builder().fitInputImages(true) to scale and pad it";
        return List.of(new Violation("image", image.describe(), problem, allowed, Violation.Reason.NOT_ALLOWED));
    }

    private static boolean measurable(MediaSource image) {
        if (image instanceof MediaSource.LocalFile file && !Files.isReadable(file.path())) {
            return false;
        }
        if (image instanceof MediaSource.Url url && !url.isDataUri()) {
            return false;
        }
        return image.mediaType().getOrElse(Option.none()).exists(MediaType::isImage);
    }
}
