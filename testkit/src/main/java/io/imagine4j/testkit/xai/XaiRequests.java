package io.imagine4j.testkit.xai;

import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonBoolean;
import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.internal.json.JsonSyntaxException;
import io.imagine4j.testkit.internal.json.JsonValue;
import io.imagine4j.testkit.internal.sim.RejectedCall;
import io.imagine4j.testkit.internal.sim.SimRequest;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates the bodies of the three xAI submit endpoints the way the service does: a
 * body that is not JSON is a 400, a missing required field or a wrong JSON type a 422 (the
 * service deserialises strictly), a value out of range or not allowed a 400, all with xAI's flat
 * error body.
 */
final class XaiRequests {

    static final List<String> ASPECT_RATIOS = List.of("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3");
    static final String DEFAULT_ASPECT_RATIO = "16:9";
    static final String DEFAULT_RESOLUTION = "480p";
    static final int DEFAULT_DURATION = 8;
    static final int DEFAULT_EXTENSION = 6;
    /** The longest video an edit accepts. */
    static final Duration MAX_EDIT_INPUT = Duration.ofMillis(8_700);
    static final Duration MIN_EXTENSION_INPUT = Duration.ofSeconds(2);
    static final Duration MAX_EXTENSION_INPUT = Duration.ofSeconds(15);
    static final long MAX_STORAGE_EXPIRY_SECONDS = 2_592_000L;
    /** Reference-to-video: at most seven images, at most 10 s, at most 720p (xAI's guide). */
    static final int MAX_REFERENCE_IMAGES = 7;
    static final int MAX_REFERENCE_DURATION = 10;
    static final int MAX_KEYFRAMES = 4;
    static final int MAX_REFERENCE_AUDIOS = 3;
    static final Duration MAX_REFERENCE_AUDIO = Duration.ofSeconds(15);

    private static final Pattern AUDIO_DATA_URL = Pattern.compile("data:audio/([a-z0-9.+-]+);base64,(.*)", Pattern.DOTALL);
    private static final Pattern IMAGE_DATA_URL = Pattern.compile("data:image/(png|jpeg|jpg|webp);base64,(.*)", Pattern.DOTALL);
    private static final Set<MediaType> IMAGES = Set.of(MediaType.PNG, MediaType.JPEG, MediaType.WEBP);

    private final InputVideos inputs;

    XaiRequests(InputVideos inputs) {
        this.inputs = inputs;
    }

    XaiJob generation(SimRequest request, XaiSettings settings) {
        JsonObject body = body(request);
        XaiModel model = model(body);
        Option<String> prompt = optionalString(body, "prompt", "prompt");
        Option<JsonObject> image = optionalObject(body, "image", "image").orElse(() -> optionalObject(body, "input_reference", "input_reference"));
        image.forEach(value -> imageUrl(value, body.has("image") ? "image" : "input_reference"));
        if (prompt.forAll(String::isBlank) && image.isEmpty()) {
            throw RejectedCall.badRequest("prompt", "A prompt is required for text-to-video and reference-to-video generation.");
        }
        String durationField = body.has("duration") || !body.has("seconds") ? "duration" : "seconds";
        int duration = optionalInt(body, durationField, true).getOrElse(DEFAULT_DURATION);
        if (duration < 1 || duration > 15) {
            throw RejectedCall.badRequest(durationField, "Invalid video duration " + duration + ": it must be between 1 and 15 seconds.");
        }
        String aspectRatio = optionalString(body, "aspect_ratio", "aspect_ratio").getOrElse(DEFAULT_ASPECT_RATIO);
        if (!ASPECT_RATIOS.contains(aspectRatio)) {
            throw RejectedCall.badRequest("aspect_ratio", "Invalid aspect_ratio '" + aspectRatio + "'. Supported values: "
                    + String.join(", ", ASPECT_RATIOS) + ".");
        }
        String resolution = optionalString(body, "resolution", "resolution").getOrElse(DEFAULT_RESOLUTION);
        if (!List.of("480p", "720p", "1080p").contains(resolution)) {
            throw RejectedCall.badRequest("resolution", "Invalid resolution '" + resolution + "'. Supported values: 480p, 720p, 1080p.");
        }
        if (!model.resolutions().contains(resolution)) {
            throw RejectedCall.badRequest("resolution", "Resolution " + resolution + " is not supported by model " + model.id()
                    + ". Supported: " + String.join(", ", model.resolutions()) + ".");
        }
        int images = optionalArray(body, "reference_images").map(list -> {
            for (int i = 0; i < list.elements().size(); i++) {
                imageUrl(element(list, i, "reference_images"), "reference_images[" + i + "]");
            }
            return list.elements().size();
        }).getOrElse(0);
        int keyframes = optionalArray(body, "keyframes").map(list -> keyframes(list, duration)).getOrElse(0);
        int audios = optionalArray(body, "reference_audios").map(XaiRequests::referenceAudios).getOrElse(0);
        if (images > MAX_REFERENCE_IMAGES) {
            throw RejectedCall.badRequest("reference_images", "At most " + MAX_REFERENCE_IMAGES + " reference images are allowed, got "
                    + images + ".");
        }
        if (images + audios > 0) {
            referenceToVideo(image.isDefined(), keyframes, duration, resolution);
        }
        common(body);
        return new XaiJob(XaiJobKind.GENERATION, model, prompt.getOrElse(""), duration, Duration.ofSeconds(duration), duration,
                Option.some(resolution), Option.some(aspectRatio), optionalObject(body, "storage_options", "storage_options").map(JsonObject::toJson),
                settings.moderation(), settings.answers(), abbreviated(body).toJson());
    }

    /**
     * Reference-to-video, selected by any reference image or audio, is a mode of its own: not with a
     * first frame ({@code image}) nor with keyframes, which pin frames as {@code image} does; at most
     * 10 s and 720p.
     */
    private static void referenceToVideo(boolean firstFrame, int keyframes, int duration, String resolution) {
        if (firstFrame) {
            throw RejectedCall.badRequest("reference_images", "References (reference-to-video) cannot be combined with image "
                    + "(image-to-video): only one mode can be active per request.");
        }
        if (keyframes > 0) {
            throw RejectedCall.badRequest("keyframes", "Keyframes cannot be combined with references (reference-to-video): "
                    + "only one mode can be active per request.");
        }
        if (duration > MAX_REFERENCE_DURATION) {
            throw RejectedCall.badRequest("duration", "Invalid video duration " + duration + ": with references it must be at most "
                    + MAX_REFERENCE_DURATION + " seconds.");
        }
        if (resolution.equals("1080p")) {
            throw RejectedCall.badRequest("resolution", "Resolution 1080p is not supported with references; use 480p or 720p.");
        }
    }

    XaiJob edit(SimRequest request, XaiSettings settings) {
        JsonObject body = body(request);
        XaiModel model = model(body);
        String prompt = requiredPrompt(body);
        Duration input = inputVideo(body);
        if (input.compareTo(MAX_EDIT_INPUT) > 0) {
            throw RejectedCall.badRequest("video", "The input video is " + seconds(input) + " s long; video edits accept at most "
                    + seconds(MAX_EDIT_INPUT) + " s.");
        }
        common(body);
        int reported = (int) Math.max(1, Math.round(input.toMillis() / 1000.0));
        return new XaiJob(XaiJobKind.EDIT, model, prompt, reported, input, reported, Option.none(), Option.none(),
                optionalObject(body, "storage_options", "storage_options").map(JsonObject::toJson), settings.moderation(), settings.answers(),
                abbreviated(body).toJson());
    }

    XaiJob extension(SimRequest request, XaiSettings settings) {
        JsonObject body = body(request);
        XaiModel model = model(body);
        String prompt = requiredPrompt(body);
        int segment = optionalInt(body, "duration", false).getOrElse(DEFAULT_EXTENSION);
        if (segment < 2 || segment > 10) {
            throw RejectedCall.badRequest("duration", "Invalid extension duration " + segment + ": it must be between 2 and 10 seconds.");
        }
        Duration input = inputVideo(body);
        if (input.compareTo(MIN_EXTENSION_INPUT) < 0 || input.compareTo(MAX_EXTENSION_INPUT) > 0) {
            throw RejectedCall.badRequest("video", "The input video must be between 2 and 15 seconds long; it is "
                    + seconds(input) + " s.");
        }
        common(body);
        Duration length = input.plusSeconds(segment);
        int reported = (int) Math.round(length.toMillis() / 1000.0);
        return new XaiJob(XaiJobKind.EXTENSION, model, prompt, reported, length, segment, Option.none(), Option.none(),
                optionalObject(body, "storage_options", "storage_options").map(JsonObject::toJson), settings.moderation(), settings.answers(),
                abbreviated(body).toJson());
    }

    /** The prompt of a request (for directives), without validating anything else. */
    static Option<String> promptOf(SimRequest request) {
        try {
            JsonValue value = JsonReader.parse(request.body());
            return value instanceof JsonObject object ? object.string("prompt") : Option.none();
        } catch (JsonSyntaxException notJson) {
            return Option.none();
        }
    }

    // ------------------------------------------------------------------ body and fields

    private static JsonObject body(SimRequest request) {
        String contentType = request.header("Content-Type").getOrElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw new RejectedCall(415, "Expected request with `Content-Type: application/json`.", Option.none());
        }
        JsonValue value;
        try {
            value = JsonReader.parse(request.body());
        } catch (JsonSyntaxException syntax) {
            throw RejectedCall.badRequest("Failed to parse the request body as JSON: " + syntax.getMessage() + ".");
        }
        if (!(value instanceof JsonObject object)) {
            throw deserialize("", "invalid type: " + value.kind() + ", expected a JSON object");
        }
        return object;
    }

    private static XaiModel model(JsonObject body) {
        String id = optionalString(body, "model", "model").getOrElse(XaiModel.GROK_IMAGINE_VIDEO.id());
        return XaiModel.named(id).getOrElseThrow(() -> RejectedCall.badRequest("model",
                "The model " + id + " does not exist or your team does not have access to it."));
    }

    private static String requiredPrompt(JsonObject body) {
        if (!body.has("prompt") || body.get("prompt").get() instanceof JsonNull) {
            throw deserialize("", "missing field `prompt`");
        }
        String prompt = optionalString(body, "prompt", "prompt").get();
        if (prompt.isBlank()) {
            throw RejectedCall.badRequest("prompt", "The prompt must not be empty.");
        }
        return prompt;
    }

    private Duration inputVideo(JsonObject body) {
        if (!body.has("video") || body.get("video").get() instanceof JsonNull) {
            throw deserialize("", "missing field `video`");
        }
        JsonObject video = optionalObject(body, "video", "video").get();
        Option<String> url = optionalString(video, "url", "video.url");
        Option<String> fileId = optionalString(video, "file_id", "video.file_id");
        if (url.isDefined() && fileId.isDefined()) {
            throw RejectedCall.badRequest("video", "video.url and video.file_id are mutually exclusive.");
        }
        if (fileId.isDefined()) {
            throw RejectedCall.badRequest("video.file_id", "video.file_id needs the Files API, which this simulator does not "
                    + "provide; send video.url (a public URL or a data:video/mp4;base64 URL).");
        }
        if (url.isEmpty() || url.get().isBlank()) {
            throw RejectedCall.badRequest("video.url", "video.url is required when video.file_id is not set.");
        }
        return inputs.lengthOf("video.url", url.get());
    }

    /** Fields every submit shares: {@code user}, {@code output}, {@code storage_options}. */
    private static void common(JsonObject body) {
        optionalString(body, "user", "user");
        optionalObject(body, "output", "output").forEach(output -> {
            if (optionalString(output, "upload_url", "output.upload_url").isEmpty()) {
                throw deserialize("output", "missing field `upload_url`");
            }
        });
        optionalObject(body, "storage_options", "storage_options").forEach(storage -> {
            if (optionalString(storage, "filename", "storage_options.filename").isEmpty()) {
                throw deserialize("storage_options", "missing field `filename`");
            }
            optionalLong(storage, "expires_after", "storage_options.expires_after").forEach(seconds -> {
                if (seconds < 1 || seconds > MAX_STORAGE_EXPIRY_SECONDS) {
                    throw RejectedCall.badRequest("storage_options.expires_after",
                            "storage_options.expires_after must be between 1 and " + MAX_STORAGE_EXPIRY_SECONDS + " seconds.");
                }
            });
            storage.get("public_url").forEach(value -> {
                if (!(value instanceof JsonBoolean || value instanceof JsonObject || value instanceof JsonNull)) {
                    throw deserialize("storage_options.public_url", "invalid type: " + value.kind() + ", expected a boolean or an object");
                }
            });
        });
    }

    private static void imageUrl(JsonObject image, String path) {
        Option<String> url = optionalString(image, "url", path + ".url").orElse(() -> optionalString(image, "image_url", path + ".image_url"));
        Option<String> fileId = optionalString(image, "file_id", path + ".file_id");
        if (url.isDefined() && fileId.isDefined()) {
            throw RejectedCall.badRequest(path, path + ".url and " + path + ".file_id are mutually exclusive.");
        }
        if (fileId.isDefined()) {
            return;
        }
        if (url.isEmpty() || url.get().isBlank()) {
            throw RejectedCall.badRequest(path + ".url", path + ".url is required when " + path + ".file_id is not set.");
        }
        String value = url.get();
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return;
        }
        Matcher data = IMAGE_DATA_URL.matcher(value);
        if (!data.matches()) {
            throw RejectedCall.badRequest(path + ".url", path + ".url must be an http(s) URL or a data:image/(png|jpeg|webp);base64 URL.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.group(2));
        } catch (IllegalArgumentException badBase64) {
            throw RejectedCall.badRequest(path + ".url", path + ".url holds invalid base64 data.");
        }
        if (!MagicBytes.sniff(bytes).exists(IMAGES::contains)) {
            throw RejectedCall.badRequest(path + ".url", path + ".url does not hold a PNG, JPEG or WebP image.");
        }
    }

    private static int keyframes(JsonArray keyframes, int duration) {
        if (keyframes.elements().size() > MAX_KEYFRAMES) {
            throw RejectedCall.badRequest("keyframes", "At most " + MAX_KEYFRAMES + " keyframes are allowed, got "
                    + keyframes.elements().size() + ".");
        }
        for (int i = 0; i < keyframes.elements().size(); i++) {
            String path = "keyframes[" + i + "]";
            JsonObject keyframe = element(keyframes, i, "keyframes");
            JsonObject image = optionalObject(keyframe, "image", path + ".image")
                    .getOrElseThrow(() -> deserialize(path, "missing field `image`"));
            imageUrl(image, path + ".image");
            BigDecimal at = optionalNumber(keyframe, "timestamp_s", path + ".timestamp_s")
                    .getOrElseThrow(() -> deserialize(path, "missing field `timestamp_s`"));
            if (at.signum() <= 0 || at.compareTo(BigDecimal.valueOf(duration)) >= 0) {
                throw RejectedCall.badRequest(path + ".timestamp_s", path + ".timestamp_s must be strictly between 0 and the duration ("
                        + duration + " s), got " + at.toPlainString() + ".");
            }
        }
        return keyframes.elements().size();
    }

    private static int referenceAudios(JsonArray audios) {
        if (audios.elements().size() > MAX_REFERENCE_AUDIOS) {
            throw RejectedCall.badRequest("reference_audios", "At most " + MAX_REFERENCE_AUDIOS + " reference audios are allowed, got "
                    + audios.elements().size() + ".");
        }
        for (int i = 0; i < audios.elements().size(); i++) {
            String path = "reference_audios[" + i + "]";
            JsonObject audio = element(audios, i, "reference_audios");
            Option<String> url = optionalString(audio, "url", path + ".url");
            boolean voice = optionalString(audio, "voice_id", path + ".voice_id").isDefined();
            if (url.isDefined() == voice) {
                throw RejectedCall.badRequest(path, path + " needs exactly one of url and voice_id.");
            }
            url.forEach(clip -> audioUrl(clip, path + ".url"));
        }
        return audios.elements().size();
    }

    /** An http(s) URL, or a {@code data:audio/…;base64} URL; a WAV clip inline is measured (at most 15 s). */
    private static void audioUrl(String url, String path) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return;
        }
        Matcher data = AUDIO_DATA_URL.matcher(url);
        if (!data.matches()) {
            throw RejectedCall.badRequest(path, path + " must be an http(s) URL or a data:audio/...;base64 URL.");
        }
        byte[] clip;
        try {
            clip = Base64.getDecoder().decode(data.group(2));
        } catch (IllegalArgumentException badBase64) {
            throw RejectedCall.badRequest(path, path + " holds invalid base64 data.");
        }
        WavLength.of(clip).filter(length -> length.compareTo(MAX_REFERENCE_AUDIO) > 0).forEach(length -> {
            throw RejectedCall.badRequest(path, "The reference audio at " + path + " is " + seconds(length)
                    + " s long; reference audio clips may be at most " + seconds(MAX_REFERENCE_AUDIO) + " s.");
        });
    }

    /** The body with every {@code data:} URI cut to its header: what a test needs to see, without megabytes of base64. */
    static JsonObject abbreviated(JsonObject body) {
        return (JsonObject) abbreviated((JsonValue) body);
    }

    private static JsonValue abbreviated(JsonValue value) {
        if (value instanceof JsonString text && text.value().regionMatches(true, 0, "data:", 0, 5)) {
            int comma = text.value().indexOf(',');
            return comma < 0 ? text : new JsonString(text.value().substring(0, comma + 1) + "\u2026");
        }
        if (value instanceof JsonObject object) {
            JsonObject.Builder copy = JsonObject.builder();
            object.members().forEach((name, member) -> copy.put(name, abbreviated(member)));
            return copy.build();
        }
        if (value instanceof JsonArray array) {
            return new JsonArray(array.elements().stream().map(XaiRequests::abbreviated).toList());
        }
        return value;
    }

    private static JsonObject element(JsonArray array, int index, String path) {
        JsonValue value = array.elements().get(index);
        if (value instanceof JsonObject object) {
            return object;
        }
        throw deserialize(path + "[" + index + "]", "invalid type: " + value.kind() + ", expected a JSON object");
    }

    private static Option<JsonValue> present(JsonObject body, String field) {
        return body.get(field).filter(value -> !(value instanceof JsonNull));
    }

    private static Option<String> optionalString(JsonObject body, String field, String path) {
        return present(body, field).map(value -> {
            if (value instanceof JsonString string) {
                return string.value();
            }
            throw deserialize(path, "invalid type: " + value.kind() + ", expected a string");
        });
    }

    private static Option<JsonObject> optionalObject(JsonObject body, String field, String path) {
        return present(body, field).map(value -> {
            if (value instanceof JsonObject object) {
                return object;
            }
            throw deserialize(path, "invalid type: " + value.kind() + ", expected a JSON object");
        });
    }

    private static Option<JsonArray> optionalArray(JsonObject body, String field) {
        return present(body, field).map(value -> {
            if (value instanceof JsonArray array) {
                return array;
            }
            throw deserialize(field, "invalid type: " + value.kind() + ", expected a sequence");
        });
    }

    private static Option<BigDecimal> optionalNumber(JsonObject body, String field, String path) {
        return present(body, field).map(value -> {
            if (value instanceof JsonNumber number) {
                return number.value();
            }
            throw deserialize(path, "invalid type: " + value.kind() + ", expected a number");
        });
    }

    private static Option<Long> optionalLong(JsonObject body, String field, String path) {
        return optionalNumber(body, field, path).map(number -> {
            try {
                return number.stripTrailingZeros().longValueExact();
            } catch (ArithmeticException notWhole) {
                throw deserialize(path, "invalid type: floating point `" + number + "`, expected an integer");
            }
        });
    }

    /** An int field; where {@code acceptText} (generation's duration) also {@code "8"}. */
    private static Option<Integer> optionalInt(JsonObject body, String field, boolean acceptText) {
        return present(body, field).map(value -> {
            if (value instanceof JsonNumber number) {
                return number.intValue().getOrElseThrow(() ->
                        deserialize(field, "invalid type: floating point `" + number.value() + "`, expected an integer"));
            }
            if (acceptText && value instanceof JsonString text) {
                try {
                    return Integer.parseInt(text.value().trim());
                } catch (NumberFormatException notANumber) {
                    throw deserialize(field, "invalid value: string \"" + text.value() + "\", expected an integer or a numeric string");
                }
            }
            throw deserialize(field, "invalid type: " + value.kind() + ", expected an integer");
        });
    }

    private static RejectedCall deserialize(String path, String problem) {
        String where = path.isEmpty() ? "" : path + ": ";
        return RejectedCall.unprocessable(path, "Failed to deserialize the JSON body into the target type: " + where + problem + ".");
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
