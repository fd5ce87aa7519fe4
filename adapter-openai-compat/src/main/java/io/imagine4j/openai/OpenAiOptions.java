package io.imagine4j.openai;

import io.imagine4j.core.model.VideoOptions;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Options of the OpenAI-compatible API that the core's {@link VideoOptions} has no field for, as
 * typed factories of its extras.
 *
 * <pre>{@code
 * VideoRequest wide = VideoRequest.textToVideo("A fox in the snow")
 *         .with(OpenAiOptions.size("1792x1024"))                 // exactly this size
 *         .with(o -> o.withModel("sora-2-pro").withDurationSeconds(8));
 * VideoRequest fromUpload = VideoRequest.textToVideo("The fox starts to run")
 *         .with(OpenAiOptions.inputFileId("file-abc123"));      // an image uploaded with OpenAI's Files API
 * }</pre>
 *
 * <p>Without {@code size}, the adapter derives it from the aspect ratio and resolution
 * ({@code 16:9} at {@code 720p} is {@code 1280x720}; {@code 1024p} is Sora's {@code 1792x1024}). A size
 * the model does not offer, or one that contradicts the aspect ratio or resolution also given, is
 * refused by the capability check before anything is sent.
 */
public final class OpenAiOptions {

    /** The extra holding the exact {@code size}, {@code WIDTHxHEIGHT}. */
    public static final String SIZE = "size";
    /** The extra holding the id of an uploaded file to send as {@code input_reference.file_id}. */
    public static final String INPUT_FILE_ID = "input_reference.file_id";

    private OpenAiOptions() {
    }

    /**
     * Asks for exactly {@code widthByHeight} ({@code "1280x720"}), whatever the aspect ratio and
     * resolution say.
     *
     * @throws IllegalArgumentException when it is not written {@code WIDTHxHEIGHT}
     */
    public static UnaryOperator<VideoOptions> size(String widthByHeight) {
        String size = FrameSize.parse(widthByHeight).map(FrameSize::toString).getOrElseThrow(() ->
                new IllegalArgumentException("A size is written WIDTHxHEIGHT, for example 1280x720; got '" + widthByHeight + "'"));
        return options -> options.withExtra(SIZE, size);
    }

    /** Asks for exactly {@code width} × {@code height} pixels. */
    public static UnaryOperator<VideoOptions> size(int width, int height) {
        return size(new FrameSize(width, height).toString());
    }

    /**
     * Sends {@code fileId}, a file uploaded with OpenAI's Files API, as the {@code input_reference} of a
     * text-to-video request: the server reads the image itself, so its size is not checked here.
     */
    public static UnaryOperator<VideoOptions> inputFileId(String fileId) {
        Objects.requireNonNull(fileId, "fileId");
        if (fileId.isBlank()) {
            throw new IllegalArgumentException("A file id must not be blank");
        }
        return options -> options.withExtra(INPUT_FILE_ID, fileId.strip());
    }
}
