package io.imagine4j.testkit.openai;

import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.internal.sim.MultipartForm;
import io.imagine4j.testkit.internal.sim.SimRequest;
import io.vavr.control.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates the bodies of the OpenAI video submit endpoints as the API does, from
 * multipart or JSON alike: unknown parameters, missing required ones, wrong JSON types and values
 * outside the spec's enums are each a 400 with OpenAI's {@code param} and {@code code}.
 */
final class OpenAiRequests {

    static final List<String> SECONDS = List.of("4", "8", "12");
    static final String DEFAULT_SECONDS = "4";
    /** The extension segment lengths the spec lists. */
    static final List<String> EXTENSION_SECONDS = List.of("4", "8", "12", "16", "20");
    static final int MAX_PROMPT = 32_000;
    static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/webp");
    static final List<String> VIDEO_TYPES = List.of("video/mp4");

    private static final Pattern DATA_URL = Pattern.compile("data:([^;,]+);base64,(.*)", Pattern.DOTALL);

    /** {@code POST /videos}, understood. */
    record Create(String prompt, SoraModel model, String seconds, String size, Option<String> inputReference) {
        Create {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(seconds, "seconds");
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(inputReference, "inputReference");
        }
    }

    /** {@code POST /videos/edits} or {@code /extensions}, understood; {@code seconds} only for extensions. */
    record Derivation(String prompt, VideoInput video, Option<String> seconds) {
        Derivation {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(video, "video");
            Objects.requireNonNull(seconds, "seconds");
        }
    }

    private final Function<URI, Option<byte[]>> localFiles;

    /** @param localFiles the bytes of a file this simulator serves at a URL, for inputs given by URL */
    OpenAiRequests(Function<URI, Option<byte[]>> localFiles) {
        this.localFiles = localFiles;
    }

    Create create(SimRequest request) {
        SubmittedFields fields = SubmittedFields.of(request);
        fields.allowOnly(Set.of("prompt", "model", "seconds", "size", "input_reference"));
        String prompt = prompt(fields);
        String modelId = fields.text("model").getOrElse(SoraModel.SORA_2.id());
        SoraModel model = SoraModel.byId(modelId).getOrElseThrow(() -> OpenAiRejection.invalidValue("model", modelId, SoraModel.ids()));
        String seconds = oneOf(fields, "seconds", SECONDS).getOrElse(DEFAULT_SECONDS);
        String size = fields.text("size").getOrElse(SoraModel.DEFAULT_SIZE);
        if (!SoraModel.ALL_SIZES.contains(size)) {
            throw OpenAiRejection.invalidValue("size", size, SoraModel.ALL_SIZES);
        }
        if (!model.sizes().contains(size)) {
            throw OpenAiRejection.badRequest("size", "invalid_value", "Invalid value: '" + size + "'. Supported values for "
                    + model.id() + " are: " + OpenAiRejection.quoted(model.sizes()) + ".");
        }
        return new Create(prompt, model, seconds, size, inputReference(fields, size));
    }

    String remixPrompt(SimRequest request) {
        SubmittedFields fields = SubmittedFields.of(request);
        fields.allowOnly(Set.of("prompt"));
        return prompt(fields);
    }

    Derivation edit(SimRequest request) {
        SubmittedFields fields = SubmittedFields.of(request);
        fields.allowOnly(Set.of("prompt", "video"));
        String prompt = prompt(fields);
        return new Derivation(prompt, video(fields), Option.none());
    }

    Derivation extension(SimRequest request) {
        SubmittedFields fields = SubmittedFields.of(request);
        fields.allowOnly(Set.of("prompt", "video", "seconds"));
        String prompt = prompt(fields);
        VideoInput video = video(fields);
        String seconds = oneOf(fields, "seconds", EXTENSION_SECONDS).getOrElseThrow(() -> OpenAiRejection.missing("seconds"));
        return new Derivation(prompt, video, Option.some(seconds));
    }

    // ------------------------------------------------------------------ fields

    private static String prompt(SubmittedFields fields) {
        String prompt = fields.text("prompt").getOrElseThrow(() -> OpenAiRejection.missing("prompt"));
        if (prompt.isEmpty()) {
            throw OpenAiRejection.badRequest("prompt", "empty_string",
                    "Invalid 'prompt': empty string. Expected a string with minimum length 1, but got an empty string instead.");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw OpenAiRejection.badRequest("prompt", "string_above_max_length", "Invalid 'prompt': string too long. Expected a string "
                    + "with maximum length " + MAX_PROMPT + ", but got a string with length " + prompt.length() + " instead.");
        }
        return prompt;
    }

    /** A text field whose value must be one of {@code allowed} (the spec's enums are strings: {@code "8"}, not {@code 8}). */
    private static Option<String> oneOf(SubmittedFields fields, String name, List<String> allowed) {
        return fields.text(name).map(value -> {
            if (!allowed.contains(value)) {
                throw OpenAiRejection.invalidValue(name, value, allowed);
            }
            return value;
        });
    }

    /** A description of the image reference, after checking it as the API would. */
    private Option<String> inputReference(SubmittedFields fields, String size) {
        Option<MultipartForm.Part> file = fields.file("input_reference");
        if (file.isDefined()) {
            MultipartForm.Part part = file.get();
            String type = declaredType(part);
            image("input_reference", type, part.content(), size);
            return Option.some("file " + part.filename().get() + " (" + type + ")");
        }
        Option<Map<String, String>> object = fields.object("input_reference");
        if (object.isEmpty()) {
            return Option.none();
        }
        Map<String, String> reference = object.get();
        for (String key : reference.keySet()) {
            if (!key.equals("image_url") && !key.equals("file_id")) {
                throw OpenAiRejection.unknownParameter("input_reference." + key);
            }
        }
        Option<String> url = Option.of(reference.get("image_url"));
        Option<String> fileId = Option.of(reference.get("file_id"));
        if (url.isDefined() == fileId.isDefined()) {
            throw OpenAiRejection.badRequest("input_reference", "invalid_value",
                    "Provide exactly one of 'input_reference.image_url' or 'input_reference.file_id'.");
        }
        if (fileId.isDefined()) {
            if (fileId.get().isBlank()) {
                throw OpenAiRejection.badRequest("input_reference.file_id", "empty_string", "Invalid 'input_reference.file_id': empty string.");
            }
            return Option.some("file_id " + fileId.get());
        }
        imageUrl(url.get(), size);
        return Option.some("image_url " + (url.get().startsWith("data:") ? url.get().substring(0, url.get().indexOf(',') + 1) + "…" : url.get()));
    }

    private void imageUrl(String url, String size) {
        String param = "input_reference.image_url";
        Matcher data = DATA_URL.matcher(url);
        if (data.matches()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(data.group(2));
            } catch (IllegalArgumentException badBase64) {
                throw OpenAiRejection.badRequest(param, "invalid_value", "Invalid '" + param + "': the data URL holds invalid base64.");
            }
            image(param, data.group(1).toLowerCase(Locale.ROOT), bytes, size);
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUrl) {
            throw invalidUrl(param);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw invalidUrl(param);
        }
        // A URL of this simulator can be read; any other is taken on trust (nothing leaves loopback).
        localFiles.apply(uri).forEach(bytes -> image(param, MagicBytes.sniff(bytes).map(MediaType::mime).getOrElse("unknown"), bytes, size));
    }

    private static OpenAiRejection invalidUrl(String param) {
        return OpenAiRejection.badRequest(param, "invalid_url", "Invalid '" + param + "': expected a fully qualified http(s) URL or a "
                + "base64-encoded data URL.");
    }

    /** An image input: a type the API takes, bytes that are that image, and the requested size. */
    private static void image(String param, String type, byte[] bytes, String size) {
        if (!IMAGE_TYPES.contains(type)) {
            throw OpenAiRejection.badRequest(param, "unsupported_file_type", "Invalid file '" + param + "': unsupported mimetype ('"
                    + type + "'). Supported mimetypes: " + OpenAiRejection.quoted(IMAGE_TYPES) + ".");
        }
        Option<MediaType> sniffed = MagicBytes.sniff(bytes).filter(MediaType::isImage);
        Option<ImageSize> dimensions = ImageSize.of(bytes);
        if (sniffed.isEmpty() || !sniffed.get().mime().equals(type) || dimensions.isEmpty()) {
            throw OpenAiRejection.badRequest(param, "invalid_image", "Invalid file '" + param + "': the file is not a valid "
                    + type + " image.");
        }
        if (!dimensions.get().toString().equals(size)) {
            throw OpenAiRejection.badRequest(param, "invalid_value", "The input image is " + dimensions.get()
                    + "; it must match the requested width and height (" + size + ").");
        }
    }

    private static VideoInput video(SubmittedFields fields) {
        Option<MultipartForm.Part> file = fields.file("video");
        if (file.isDefined()) {
            MultipartForm.Part part = file.get();
            String type = declaredType(part);
            if (!VIDEO_TYPES.contains(type)) {
                throw OpenAiRejection.badRequest("video", "unsupported_file_type", "Invalid file 'video': unsupported mimetype ('" + type
                        + "'). Supported mimetypes: " + OpenAiRejection.quoted(VIDEO_TYPES) + ".");
            }
            Duration length = Mp4Header.duration(part.content()).getOrElseThrow(unreadable -> OpenAiRejection.badRequest("video",
                    "invalid_video", "Invalid file 'video': the file is not a readable MP4 video."));
            return new VideoInput.Upload(part.filename().get(), length);
        }
        Map<String, String> reference = fields.object("video").getOrElseThrow(() -> OpenAiRejection.missing("video"));
        for (String key : reference.keySet()) {
            if (!key.equals("id")) {
                throw OpenAiRejection.unknownParameter("video." + key);
            }
        }
        String id = Option.of(reference.get("id")).getOrElseThrow(() -> OpenAiRejection.missing("video.id"));
        if (id.isBlank()) {
            throw OpenAiRejection.badRequest("video.id", "empty_string", "Invalid 'video.id': empty string.");
        }
        return new VideoInput.Reference(id);
    }

    /** A file part's declared type; none reads as the generic binary type a server assumes. */
    private static String declaredType(MultipartForm.Part part) {
        return part.contentType().map(type -> type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).getOrElse("application/octet-stream");
    }
}
