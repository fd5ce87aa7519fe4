package io.imagine4j.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.EditVideo;
import io.imagine4j.core.model.ExtendVideo;
import io.imagine4j.core.model.ImageToVideo;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.RemixVideo;
import io.imagine4j.core.model.TextToVideo;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.http.json.ApiJson;
import io.imagine4j.openai.wire.CreateBody;
import io.imagine4j.openai.wire.DerivationBody;
import io.imagine4j.openai.wire.ImageReference;
import io.imagine4j.openai.wire.RemixBody;
import io.imagine4j.openai.wire.VideoReference;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a checked request into the submit that sends it:
 * <ul>
 *   <li>text- and image-to-video: {@code POST /videos} with {@code seconds} as a string and
 *       {@code size} from the exact option or the aspect ratio and resolution; the image as an
 *       {@code input_reference} file part with a filename and a Content-Type (streamed from disk),
 *       a {@code data:} URL in JSON, or {@code {"image_url": …}} for a public URL; fitted to the
 *       size first when asked to;</li>
 *   <li>edits and extensions: {@code POST /videos/edits} / {@code /extensions}, the video as an MP4
 *       file part, or a previous result by {@code {"id": …}};</li>
 *   <li>remix: {@code POST /videos/{id}/remix} with the new prompt, as JSON.</li>
 * </ul>
 * Provider extras pass through as further fields, but may not shadow one imagine4j sets itself.
 * Local inputs are opened here, before any network call.
 */
final class OpenAiRequests {

    private static final Set<String> CREATE_FIELDS = Set.of("model", "prompt", "seconds", "size", "input_reference");
    private static final Set<String> DERIVATION_FIELDS = Set.of("prompt", "video", "seconds");
    private static final Set<String> TYPED_EXTRAS = Set.of(OpenAiOptions.SIZE, OpenAiOptions.INPUT_FILE_ID);

    private final BodyEncoding encoding;
    private final boolean fitInputImages;
    private final Map<String, String> headers;

    OpenAiRequests(BodyEncoding encoding, boolean fitInputImages, Map<String, String> headers) {
        this.encoding = encoding;
        this.fitInputImages = fitInputImages;
        this.headers = Map.copyOf(headers);
    }

    Either<JobFailure, SubmitPlan> prepare(CheckedRequest checked) {
        VideoRequest request = checked.request();
        if (request instanceof RemixVideo remix) {
            String id = remix.video().jobId().value();
            return Either.right(new SubmitPlan.Json(api -> api.remix(id, new RemixBody(remix.prompt()), headers)));
        }
        if (request instanceof TextToVideo || request instanceof ImageToVideo) {
            return extras(request.options(), CREATE_FIELDS).flatMap(extras -> create(request, extras));
        }
        MediaSource video = request.input().get();
        String path = request instanceof EditVideo ? "/videos/edits" : "/videos/extensions";
        // The API requires an extension's length: the model's default segment when the request names none.
        Option<String> seconds = request instanceof ExtendVideo ? seconds(request.options())
                .orElse(() -> checked.limits().defaultDuration().map(String::valueOf)) : Option.none();
        return extras(request.options(), DERIVATION_FIELDS).flatMap(extras -> encoding == BodyEncoding.JSON
                ? derivationJson(request, video, seconds, extras)
                : derivationForm(request.prompt(), path, video, seconds, extras));
    }

    // ------------------------------------------------------------------ create

    private Either<JobFailure, SubmitPlan> create(VideoRequest request, Map<String, Object> extras) {
        VideoOptions o = request.options();
        Option<String> seconds = seconds(o);
        Option<MediaSource> image = request instanceof ImageToVideo i ? Option.some(i.image()) : Option.none();
        // With an image, the size is sent even when it is the default: the image was checked (or fitted) against it.
        Option<FrameSize> size = image.isDefined() ? Option.some(FrameSize.effective(o)) : FrameSize.requested(o);
        Option<String> fileId = Option.of(o.extras().get(OpenAiOptions.INPUT_FILE_ID)).map(String::valueOf);
        if (encoding == BodyEncoding.JSON) {
            Either<JobFailure, Option<ImageReference>> reference = image.isEmpty()
                    ? Either.right(fileId.map(id -> new ImageReference(null, id)))
                    : imageUrl(image.get(), size.get()).map(url -> Option.some(new ImageReference(url, null)));
            return reference.map(ref -> new SubmitPlan.Json(api -> api.create(new CreateBody(o.model().getOrNull(),
                    request.prompt(), seconds.getOrNull(), size.map(FrameSize::toString).getOrNull(), ref.getOrNull(), extras),
                    headers)));
        }
        MultipartBody.Builder form = MultipartBody.builder().text("prompt", request.prompt());
        o.model().forEach(model -> form.text("model", model));
        seconds.forEach(value -> form.text("seconds", value));
        size.forEach(value -> form.text("size", value.toString()));
        Either<JobFailure, MultipartBody.Builder> withExtras = formExtras(form, extras);
        if (image.isEmpty()) {
            return withExtras.map(f -> {
                fileId.forEach(id -> f.text("input_reference[file_id]", id));
                return new SubmitPlan.Form("/videos", f.build());
            });
        }
        return withExtras.flatMap(f -> imagePart(f, image.get(), size.get()))
                .map(f -> new SubmitPlan.Form("/videos", f.build()));
    }

    /** The image as a form part: a URL by reference, local content as a file part (fitted to {@code size} when asked). */
    private Either<JobFailure, MultipartBody.Builder> imagePart(MultipartBody.Builder form, MediaSource image, FrameSize size) {
        if (image instanceof MediaSource.Url url && !url.isDataUri()) {
            return Either.right(form.text("input_reference[image_url]", url.uri().toString()));
        }
        if (needsFit(image, size)) {
            return unreadable(ImageFit.to(size, image), "image")
                    .map(png -> form.file("input_reference", "input_reference.png", MediaType.PNG.mime(), png));
        }
        return unreadable(typeOf(image), "image").flatMap(type -> {
            if (image instanceof MediaSource.LocalFile file) {
                return Either.right(form.file("input_reference", fileName(file.path(), type), type.mime(), file.path()));
            }
            return unreadable(bytesOf(image), "image").map(bytes ->
                    form.file("input_reference", "input_reference." + extension(type), type.mime(), bytes));
        });
    }

    /** The image as {@code image_url}: a public URL as given, local content as a {@code data:} URL. */
    private Either<JobFailure, String> imageUrl(MediaSource image, FrameSize size) {
        if (image instanceof MediaSource.Url url && !url.isDataUri()) {
            return Either.right(url.uri().toString());
        }
        if (needsFit(image, size)) {
            return unreadable(ImageFit.to(size, image), "image").map(png -> dataUrl(MediaType.PNG, png));
        }
        if (image instanceof MediaSource.Url url) {
            return Either.right(url.uri().toString()); // a data: URL already
        }
        return unreadable(typeOf(image), "image").flatMap(type -> unreadable(bytesOf(image), "image")
                .map(bytes -> dataUrl(type, bytes)));
    }

    private boolean needsFit(MediaSource image, FrameSize size) {
        return fitInputImages && ImagePixels.of(image).toOption().flatMap(measured -> measured)
                .exists(measured -> !measured.equals(size));
    }

    // ------------------------------------------------------------------ edits and extensions

    private Either<JobFailure, SubmitPlan> derivationJson(VideoRequest request, MediaSource video, Option<String> seconds,
            Map<String, Object> extras) {
        if (!(video instanceof MediaSource.PreviousResult previous)) {
            return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "video_needs_multipart", "A JSON body takes the video"
                    + " to " + request.kind().label() + " by id only, not " + video.kind().description()
                    + "; use BodyEncoding.MULTIPART to upload it."));
        }
        DerivationBody body = new DerivationBody(request.prompt(), new VideoReference(previous.jobId().value()),
                seconds.getOrNull(), extras);
        return Either.right(new SubmitPlan.Json(api -> request instanceof EditVideo ? api.edit(body, headers)
                : api.extend(body, headers)));
    }

    private Either<JobFailure, SubmitPlan> derivationForm(String prompt, String path, MediaSource video, Option<String> seconds,
            Map<String, Object> extras) {
        MultipartBody.Builder form = MultipartBody.builder().text("prompt", prompt);
        seconds.forEach(value -> form.text("seconds", value));
        return formExtras(form, extras).flatMap(f -> videoPart(f, video)).map(f -> new SubmitPlan.Form(path, f.build()));
    }

    private static Either<JobFailure, MultipartBody.Builder> videoPart(MultipartBody.Builder form, MediaSource video) {
        if (video instanceof MediaSource.PreviousResult previous) {
            return Either.right(form.text("video[id]", previous.jobId().value()));
        }
        if (video instanceof MediaSource.LocalFile file) {
            return Either.right(form.file("video", fileName(file.path(), MediaType.MP4), MediaType.MP4.mime(), file.path()));
        }
        if (video instanceof MediaSource.Bytes bytes) {
            return Either.right(form.file("video", "video.mp4", MediaType.MP4.mime(), bytes.data()));
        }
        return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "unsupported_input", "The video " + video.describe()
                + " cannot be sent: give a local MP4 file, its bytes, or a previous result of this provider."));
    }

    // ------------------------------------------------------------------ fields

    /** {@code seconds} as the API's enum has it: a string, {@code "8"}. */
    private static Option<String> seconds(VideoOptions options) {
        return options.duration().map(Duration::getSeconds).map(String::valueOf);
    }

    private static Either<JobFailure, Map<String, Object>> extras(VideoOptions options, Set<String> fields) {
        Map<String, Object> extras = new LinkedHashMap<>(options.extras());
        extras.keySet().removeAll(TYPED_EXTRAS);
        Set<String> clashes = new TreeSet<>(extras.keySet());
        clashes.retainAll(fields);
        if (!clashes.isEmpty()) {
            return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "extra_shadows_field",
                    "Provider extras " + clashes + " would overwrite fields imagine4j sets from the request;"
                            + " set them through VideoOptions or OpenAiOptions instead."));
        }
        return Either.right(extras);
    }

    /** Extras as text parts: scalars as written, lists and objects as JSON text (servers read both). */
    private static Either<JobFailure, MultipartBody.Builder> formExtras(MultipartBody.Builder form, Map<String, Object> extras) {
        for (Map.Entry<String, Object> extra : extras.entrySet()) {
            Object value = extra.getValue();
            if (value instanceof MediaSource) {
                return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "unsupported_extra", "The extra '" + extra.getKey()
                        + "' is a media source; the OpenAI-compatible adapter sends only JSON-compatible extras."));
            }
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                form.text(extra.getKey(), String.valueOf(value));
            } else {
                try {
                    form.text(extra.getKey(), ApiJson.mapper().writeValueAsString(value));
                } catch (JsonProcessingException e) {
                    return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "unsupported_extra", "The extra '"
                            + extra.getKey() + "' cannot be written as JSON: " + e.getOriginalMessage()));
                }
            }
        }
        return Either.right(form);
    }

    private static Try<MediaType> typeOf(MediaSource source) {
        return source.mediaType().flatMap(type -> type.toTry(() -> new IOException(source.describe()
                + " is not in a format imagine4j recognises")));
    }

    private static Try<byte[]> bytesOf(MediaSource source) {
        if (source instanceof MediaSource.Bytes bytes) {
            return Try.success(bytes.data());
        }
        if (source instanceof MediaSource.Url url && url.isDataUri()) {
            return url.dataBytes();
        }
        if (source instanceof MediaSource.LocalFile file) {
            return Try.of(() -> {
                try (InputStream in = file.open()) {
                    return in.readAllBytes(); // only for a JSON body, which has to inline it
                }
            });
        }
        return Try.failure(new IOException(source.describe() + " is not local content"));
    }

    private static String dataUrl(MediaType type, byte[] bytes) {
        return "data:" + type.mime() + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** The file's own name, or one with the extension its content calls for. */
    private static String fileName(Path path, MediaType type) {
        Path name = path.getFileName();
        return name == null || name.toString().isBlank() ? "input." + extension(type) : name.toString();
    }

    private static String extension(MediaType type) {
        return switch (type) {
            case JPEG -> "jpg";
            case QUICKTIME -> "mov";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static <T> Either<JobFailure, T> unreadable(Try<T> value, String field) {
        return value.toEither().mapLeft(error -> JobFailure.of(FailureKind.INVALID_REQUEST, "unreadable_input",
                "The " + field + " could not be read to send it: " + error.getMessage()
                        + ". Check the file, or give a public URL instead."));
    }
}
