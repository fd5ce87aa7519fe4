package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.EditVideo;
import io.imagine4j.core.model.ExtendVideo;
import io.imagine4j.core.model.ImageToVideo;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.TextToVideo;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.xai.wire.AudioUrl;
import io.imagine4j.xai.wire.EditBody;
import io.imagine4j.xai.wire.ExtensionBody;
import io.imagine4j.xai.wire.GenerationBody;
import io.imagine4j.xai.wire.Keyframe;
import io.imagine4j.xai.wire.MediaUrl;
import io.imagine4j.xai.wire.StartedJob;
import io.imagine4j.xai.wire.StorageOptions;
import io.imagine4j.xai.wire.VideoOutput;
import io.imagine4j.xai.wire.XaiApi;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;

import static io.vavr.API.For;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a checked request into the xAI call that submits it: the endpoint for its kind and a body
 * with the wire's field names. Every input (the request's own, reference images, keyframe images,
 * reference audio) is turned into what xAI's {@code url} fields take here, before any network call
 * to submit; {@code user} goes only to the endpoints whose spec has it (generations and edits).
 * Extras xAI's spec does not name pass through, any {@code MediaSource} in them sent as
 * {@code {"url": …}}. The request passed the capability check: it is translated, not checked again.
 */
final class XaiRequests {

    private XaiRequests() {
    }

    static Either<JobFailure, Function<XaiApi, ApiResponse<StartedJob>>> prepare(CheckedRequest checked, InputUrls inputs) {
        VideoRequest request = checked.request();
        return XaiExtras.read(request.options().extras()).toEither()
                .mapLeft(XaiRequests::notChecked)
                .flatMap(extras -> new Translation(request, extras, inputs, checked.limits()).call());
    }

    /** Extras that break xAI's shapes can only arrive here checked against other capabilities than this adapter's. */
    private static JobFailure notChecked(Seq<Violation> violations) {
        return JobFailure.of(FailureKind.INVALID_REQUEST, "invalid_extras", "The request's xAI extras are not what xAI takes: "
                + violations.map(Violation::message).mkString("; ") + ". Nothing was sent.");
    }

    /** One request's translation. */
    private record Translation(VideoRequest request, XaiExtras extras, InputUrls inputs, RequestLimits limits) {

        Either<JobFailure, Function<XaiApi, ApiResponse<StartedJob>>> call() {
            VideoOptions o = request.options();
            String model = o.model().getOrNull();
            Integer seconds = o.duration().map(Duration::getSeconds).map(Long::intValue).getOrNull();
            StorageOptions storage = extras.storage().map(Translation::storage).getOrNull();
            VideoOutput output = extras.upload().map(url -> new VideoOutput(url.uri().toString())).getOrNull();
            if (request instanceof EditVideo edit) {
                return For(url(edit.video(), "video"), others())
                        .yield((video, others) -> api -> api.edit(new EditBody(model, edit.prompt(), video, o.endUser().getOrNull(),
                                storage, output, others)));
            }
            if (request instanceof ExtendVideo extend) {
                // The extension endpoint has no user field: the end-user tag is not sent.
                return For(url(extend.video(), "video"), others())
                        .yield((video, others) -> api -> api.extend(new ExtensionBody(model, extend.prompt(), video, seconds,
                                storage, output, others)));
            }
            Option<MediaSource> image = request instanceof ImageToVideo fromImage ? Option.some(fromImage.image()) : Option.none();
            String aspectRatio = request instanceof TextToVideo ? o.aspectRatio().map(Object::toString).getOrNull() : null;
            String prompt = request.prompt().isBlank() ? null : request.prompt();
            Either<JobFailure, Option<MediaUrl>> first = image.map(source -> url(source, "image").map(Option::some))
                    .getOrElse(Either.right(Option.none()));
            return For(first, referenceImages(), keyframes(), referenceAudios(), others())
                    .yield((frame, references, keyframes, audios, others) -> api -> api.generate(new GenerationBody(model, prompt,
                            seconds, aspectRatio, o.resolution().map(Object::toString).getOrNull(), frame.getOrNull(), references,
                            keyframes, audios, o.endUser().getOrNull(), storage, output, others)));
        }

        private Either<JobFailure, MediaUrl> url(MediaSource source, String field) {
            return inputs.of(source, field, limits).map(MediaUrl::of);
        }

        private Either<JobFailure, MediaUrl> image(XaiExtras.ImageInput input, String field) {
            if (input instanceof XaiExtras.ImageInput.FileId file) {
                return Either.right(MediaUrl.file(file.id()));
            }
            return url(((XaiExtras.ImageInput.Content) input).source(), field);
        }

        private Either<JobFailure, List<MediaUrl>> referenceImages() {
            return listed(Either.traverseRight(extras.referenceImages().zipWithIndex(),
                    item -> image(item._1, XaiExtras.REFERENCE_IMAGES + "[" + item._2 + "]")));
        }

        private Either<JobFailure, List<Keyframe>> keyframes() {
            return listed(Either.traverseRight(extras.keyframes().zipWithIndex(),
                    (Tuple2<XaiExtras.Keyframe, Integer> item) -> image(item._1.image(), XaiExtras.KEYFRAMES + "[" + item._2 + "].image")
                            .map(image -> new Keyframe(image, item._1.seconds()))));
        }

        private Either<JobFailure, List<AudioUrl>> referenceAudios() {
            return listed(Either.traverseRight(extras.referenceAudios().zipWithIndex(), item -> item._1 instanceof XaiExtras.AudioInput.Voice voice
                    ? Either.<JobFailure, AudioUrl>right(new AudioUrl(null, voice.id()))
                    : inputs.of(((XaiExtras.AudioInput.Clip) item._1).source(), XaiExtras.REFERENCE_AUDIOS + "[" + item._2 + "]", limits)
                            .map(clip -> new AudioUrl(clip, null))));
        }

        /** An empty list is left out of the body (xAI reads an empty {@code reference_images} as reference-to-video). */
        private static <T> Either<JobFailure, List<T>> listed(Either<JobFailure, Seq<T>> items) {
            return items.map(seq -> seq.isEmpty() ? null : seq.toJavaList());
        }

        private static StorageOptions storage(XaiExtras.Storage storage) {
            Object publicUrl = storage.publicUrl().map(url -> url.expiresAfter()
                    .<Object>map(seconds -> new StorageOptions.PublicUrlOptions(seconds.longValue()))
                    .getOrElse(Boolean.TRUE)).getOrNull();
            return new StorageOptions(storage.filename(), storage.expiresAfter().map(seconds -> seconds.longValue()).getOrNull(), publicUrl);
        }

        /** The extras xAI's spec does not name, with any input in them sent as {@code {"url": …}}. */
        private Either<JobFailure, Map<String, Object>> others() {
            Map<String, Object> json = new LinkedHashMap<>();
            for (Map.Entry<String, Object> extra : extras.others().entrySet()) {
                Either<JobFailure, Object> value = json(extra.getValue(), extra.getKey());
                if (value.isLeft()) {
                    return Either.left(value.getLeft());
                }
                json.put(extra.getKey(), value.get());
            }
            return Either.right(json);
        }

        private Either<JobFailure, Object> json(Object value, String field) {
            if (value instanceof MediaSource source) {
                return inputs.of(source, field, limits).map(url -> Map.of("url", url));
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> member : map.entrySet()) {
                    Either<JobFailure, Object> converted = json(member.getValue(), field + "." + member.getKey());
                    if (converted.isLeft()) {
                        return converted;
                    }
                    copy.put(String.valueOf(member.getKey()), converted.get());
                }
                return Either.right(copy);
            }
            if (value instanceof Collection<?> items) {
                List<Object> copy = new ArrayList<>();
                int index = 0;
                for (Object item : items) {
                    Either<JobFailure, Object> converted = json(item, field + "[" + index++ + "]");
                    if (converted.isLeft()) {
                        return converted;
                    }
                    copy.add(converted.get());
                }
                return Either.right(copy);
            }
            return Either.right(value);
        }
    }
}
